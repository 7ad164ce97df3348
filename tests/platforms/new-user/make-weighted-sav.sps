DATA LIST LIST /id (F8.0) pk1 (F8.0) pk2 (F8.0) pk3 (F8.0) wt (F8.2) grp (F8.0) sex (A1) dob (ADATE10) empty (F8.0).
BEGIN DATA
1 1 2 2 1.5 1 m 03/01/1990 .
2 2 2 3 0.5 2 f 04/02/1985 .
3 3 4 3 2 1 f 05/03/1970 .
4 4 4 5 1 2 m 06/04/1999 .
5 5 5 4 1 1 m 07/05/2000 .
6 2 3 2 3 2 f 08/06/1960 .
7 -1 3 3 1 1 f 08/06/1960 .
8 4 -2 5 1 2 m 08/06/1960 .
END DATA.
VALUE LABELS sex 'm' 'Male' 'f' 'Female' /grp 1 'North' 2 'South' /pk1 pk2 pk3 1 'Strongly disagree' 2 'Disagree' 3 'Neutral' 4 'Agree' 5 'Strongly agree' -1 'Refused' -2 'Skipped'.
MISSING VALUES pk1 pk2 pk3 (LO THRU -1).
VARIABLE LABELS pk1 'I know what to ask'.
WEIGHT BY wt.
SAVE OUTFILE='weighted.sav'.
