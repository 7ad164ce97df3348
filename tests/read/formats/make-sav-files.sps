* The PSPP-written test files for tests/read/formats/sav.test.ts, from the coded CSV that
* make-sav-files.R writes (user-missing codes kept): pspp-compressed.sav (SAVE /COMPRESSED),
* pspp.zsav (/ZCOMPRESSED) and pspp-uncompressed.sav (/UNCOMPRESSED, the first 150 cases).
* Missing-value declarations as in the haven-written files, plus a string user-missing value
* (site 'Site 10'), which haven cannot write.
* Run from tests/read/formats/files (make-sav-files.sh does).

SET LOCALE='UTF-8'.

GET DATA /TYPE=TXT /FILE='protect-coded-user-missing.csv' /ENCODING='UTF-8'
  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=',' /QUALIFIER='"'
  /VARIABLES=id A4 discipline F3.0 site A7 prior_training F1.0 contact F1.0
    pk1 F3.0 pk2 F3.0 pk3 F3.0 pk4 F3.0 pk5 F3.0 pk6 F3.0 pk7 F3.0 pk8 F3.0 pk9 F3.0
    ak1 F3.0 ak2 F3.0 ak3 F3.0 ak4 F3.0 ak5 F3.0 ak6 F3.0 ak7 F3.0 ak8 F3.0 ak9 F3.0
    conf1 F1.0 conf2 F1.0 conf3 F1.0 conf4 F2.0 conf5 F1.0 conf6 F1.0
    years_in_post F4.1 completed_on SDATE10 started_at YMDHMS19
    comment_on_training_and_support_received A400.

VARIABLE LABELS
  discipline 'Clinical discipline'
  /site 'Hospital site'
  /prior_training 'Have you had any previous training on human trafficking?'
  /contact 'Have you had contact with a patient known or suspected to have been trafficked?'
  /pk1 'I know what questions to ask to identify potential victims of trafficking'
  /pk2 'I have had sufficient training to assist trafficked people'
  /pk3 'I am aware of the scale of human trafficking in the UK'
  /pk4 'I know the indicators that a patient may have been trafficked'
  /pk5 'I understand the health needs of people who have been trafficked'
  /pk6 'I know how to respond safely if I suspect that a patient has been trafficked'
  /pk7 'I know which local and national services can help trafficked people'
  /pk8 'I know the entitlements of trafficked people to NHS care'
  /pk9 'I would not know what to do if a patient told me they had been trafficked'
  /ak1 'Calling the police could put a trafficked patient in more danger'
  /ak2 'Human trafficking always involves moving people across international borders'
  /ak3 'UK nationals can be trafficked within the UK'
  /ak4 'A person who agreed to travel or to take a job cannot be a victim of trafficking'
  /ak5 'Trafficked people are always physically restrained or locked up'
  /ak6 'A trafficked patient may be accompanied by someone who insists on speaking for them'
  /ak7 'Only women and girls are trafficked for sexual exploitation'
  /ak8 'An adult must consent before being referred to the National Referral Mechanism'
  /ak9 'Trafficked people without immigration status are not entitled to free NHS hospital care'
  /conf1 'I am confident making appropriate referrals for men who have been trafficked'
  /conf2 'I am confident making appropriate referrals for women who have been trafficked'
  /conf3 'I am confident making appropriate referrals for children who have been trafficked'
  /conf4 'I am confident I could identify a patient who may have been trafficked'
  /conf5 'I am confident I could speak to a patient alone, away from anyone accompanying them'
  /conf6 'I would feel uncomfortable asking a patient whether they are being exploited'
  /years_in_post 'Years in current post'
  /completed_on 'Date the questionnaire was completed'
  /started_at 'When the questionnaire was started'
  /comment_on_training_and_support_received 'Any comments on the training and support you have received?'.

VALUE LABELS
  discipline 1 'Emergency medicine' 2 'Maternity' 3 'Mental health' 4 'Other' 5 'Paediatrics' -99 'No answer'
  /prior_training contact 1 'Yes' 2 'No'
  /pk1 TO pk9 conf1 TO conf6 1 'Strongly disagree' 2 'Disagree' 3 'Neither agree nor disagree'
    4 'Agree' 5 'Strongly agree'
  /ak1 TO ak9 1 'True' 2 'False' 3 "Don't know"
  /years_in_post -1 'Not recorded'
  /site 'Site 01' 'Teaching hospital' 'Site 02' 'District general hospital'.

ADD VALUE LABELS pk1 TO pk9 ak1 TO ak9 -99 'No answer'
  /conf4 98 'Not applicable' 99 'Refused'.

FORMATS started_at (DATETIME20).

MISSING VALUES discipline pk1 TO pk9 ak1 TO ak9 (-99)
  /conf4 (98 THRU 99)
  /years_in_post (LO THRU -1)
  /site ('Site 10').

SAVE OUTFILE='pspp-compressed.sav' /COMPRESSED.
SAVE OUTFILE='pspp.zsav' /ZCOMPRESSED.
N OF CASES 150.
SAVE OUTFILE='pspp-uncompressed.sav' /UNCOMPRESSED.
