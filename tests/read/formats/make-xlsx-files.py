#!/usr/bin/python3
"""Spreadsheet and other-format samples for tests/read/formats/{xlsx,unsupported-format}.test.ts.

Run: /usr/bin/python3 tests/read/formats/make-xlsx-files.py
Needs (Debian): libreoffice-calc-nogui (soffice), python3-openpyxl, pspp; node and npm (the
encryption step installs officecrypto-tool@0.0.19 into a temporary directory).

Every workbook is drafted with openpyxl (what pandas and most Python exporters write), then
saved again by LibreOffice Calc, which computes and stores each formula's cached result as
Excel does. Beside each workbook LibreOffice also writes the CSV export of a sheet with
"save cell contents as shown" (*.as-shown.csv): the tests compare the reader with it.

Files written into tests/read/formats/files/:
  protect-survey.xlsx     sheet "About" (notes, a date-time, booleans, errors, 1/3, 0.1+0.2),
                          then "Responses": fixtures/protect-survey.csv plus `submitted`
                          (date cells, DD/MM/YYYY), `minutes` (decimals, General), `pk_agree`
                          (COUNTIF formula) and `pk_agree_share` (formula, 0.0%)
  protect-survey.responses.as-shown.csv (id and the added columns), protect-survey.about.as-shown.csv
  merged-header.xlsx      a SurveyMonkey-like two-row header, question text merged across
                          its answer columns, a blank header cell and a blank row
  merged-header.as-shown.csv
  merged-header.ods, merged-header.xls   the same sheet, converted by LibreOffice
  encrypted.xlsx          merged-header.xlsx encrypted with the password "survey" (ECMA-376 agile
                          encryption, as Excel's File > Info > Protect Workbook; officecrypto-tool)
  not-a-spreadsheet.zip   a ZIP archive of a text file (Python's zipfile)
  small.por               an SPSS portable file written by PSPP (EXPORT)
The output is deterministic apart from the timestamps the writers put into the files.
"""
import csv
import datetime
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
OUT = os.path.join(HERE, 'files')
CSV_SOURCE = os.path.join(ROOT, 'fixtures', 'protect-survey.csv')

# LibreOffice CSV filter tokens: comma, double quote, UTF-8, from line 1, default cell format,
# en-US, quote text, detect special numbers, save cell contents AS SHOWN, no formulas, keep
# spaces, then the 1-based sheet to export.
def csv_filter(sheet):
    return 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,true,false,false,%d' % sheet


# The Responses sheet's as-shown export keeps only `id` and the columns added to the CSV source
# (the rest is compared with fixtures/protect-survey.csv itself), to keep the file small.
KEPT_COLUMNS = {'protect-survey.responses.as-shown.csv': ['id', 'submitted', 'minutes', 'pk_agree', 'pk_agree_share']}


def keep_columns(src, dest, names):
    with open(src, newline='', encoding='utf-8') as f:
        records = list(csv.reader(f))
    if names is not None:
        index = [records[0].index(n) for n in names]
        records = [[r[i] for i in index] for r in records]
    with open(dest, 'w', newline='', encoding='utf-8') as f:
        csv.writer(f, lineterminator='\n').writerows(records)


def soffice(args, workdir):
    profile = 'file://' + os.path.join(workdir, 'profile')
    subprocess.run(['soffice', '-env:UserInstallation=' + profile, '--headless', '--norestore'] + args,
                   check=True, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def convert(src, target_filter, out_dir, workdir):
    soffice(['--convert-to', target_filter, '--outdir', out_dir, src], workdir)


def protect_survey_draft(path):
    with open(CSV_SOURCE, newline='', encoding='utf-8') as f:
        records = list(csv.reader(f))
    header, rows = records[0], records[1:]
    rng = random.Random(20240301)
    wb = openpyxl.Workbook()
    about = wb.active
    about.title = 'About'
    about.append(['PROTECT survey export'])
    about.append(['Exported', datetime.datetime(2024, 3, 1, 10, 22, 33)])
    about['B2'].number_format = 'YYYY-MM-DD HH:MM:SS'
    about.append(['Respondents', '=COUNTA(Responses!A2:A1000)'])
    about.append(['Consented', True, False])
    about.append(['Not available', '=NA()', '=1/0'])
    about.append(['One third', '=1/3', '=0.1+0.2'])
    about.append(['Big', 123456789012, 0.000012345])

    resp = wb.create_sheet('Responses')
    pk = [header.index('pk%d' % i) for i in range(1, 10)]
    first_pk = openpyxl.utils.get_column_letter(pk[0] + 1)
    last_pk = openpyxl.utils.get_column_letter(pk[-1] + 1)
    width = len(header)
    count_col = openpyxl.utils.get_column_letter(width + 3)
    resp.append(header + ['submitted', 'minutes', 'pk_agree', 'pk_agree_share'])
    start = datetime.date(2014, 6, 2)
    for i, row in enumerate(rows):
        r = i + 2
        agree = 'COUNTIF(%s%d:%s%d,"Agree")+COUNTIF(%s%d:%s%d,"Strongly agree")' % (
            first_pk, r, last_pk, r, first_pk, r, last_pk, r)
        submitted = datetime.datetime.combine(start + datetime.timedelta(days=rng.randrange(0, 120)), datetime.time())
        minutes = rng.choice([rng.randrange(300, 2400) / 100, rng.randrange(30, 240) / 10, rng.randrange(4, 40)])
        resp.append([cell if cell != '' else None for cell in row] +
                    [submitted, minutes, '=' + agree, '=%s%d/9' % (count_col, r)])
        resp.cell(row=r, column=width + 1).number_format = 'DD/MM/YYYY'
        resp.cell(row=r, column=width + 4).number_format = '0.0%'
    wb.save(path)


def merged_header_draft(path):
    """Row 1: question texts, each merged across its answer columns; row 2: the answer labels."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet'
    ws.append(['Respondent ID', 'Start Date', None, 'How confident are you in each of these?', None, None,
               'What is your role?', None, 'Comments'])
    ws.append([None, None, None, 'Identifying a victim', 'Asking about trafficking', 'Referring a victim',
               'Response', 'Other (please specify)', 'Open-Ended Response'])
    ws.merge_cells('D1:F1')
    ws.merge_cells('G1:H1')
    ws['D1'].alignment = Alignment(horizontal='center')
    data = [
        [114112233, datetime.datetime(2024, 2, 5, 9, 14, 0), 'x', 'Very confident', 'Somewhat confident', 'Not at all confident', 'Nurse', None, 'None'],
        [114112240, datetime.datetime(2024, 2, 5, 11, 2, 30), None, 'Not at all confident', None, 'Somewhat confident', 'Other (please specify)', 'Porter', None],
        None,
        [114112301, datetime.datetime(2024, 2, 6, 16, 45, 9), None, 'Somewhat confident', 'Somewhat confident', 'Very confident', 'Doctor', None, 'Training, please; "soon"'],
    ]
    for row in data:
        ws.append(row if row is not None else [])
    for r in range(3, 7):
        ws.cell(row=r, column=2).number_format = 'MM/DD/YYYY HH:MM:SS'
    wb.save(path)


def save_with_password(src, dest, password, workdir):
    """Encrypt `src` with `password` (ECMA-376 agile encryption, what Excel writes) into `dest`."""
    modules = os.path.join(workdir, 'crypto')
    subprocess.run(['npm', 'install', '--no-save', '--no-audit', '--no-fund', '--prefix', modules,
                    'officecrypto-tool@0.0.19'], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(['node', os.path.join(HERE, 'make-xlsx-files.encrypt.cjs'), modules, src, dest, password], check=True)


def por(path, workdir):
    syntax = os.path.join(workdir, 'por.sps')
    with open(syntax, 'w') as f:
        f.write('DATA LIST LIST /id (F4.0) role (A12) pk1 (F1.0).\n'
                'BEGIN DATA\n1 Nurse 4\n2 Doctor 2\n3 Midwife 5\nEND DATA.\n'
                "VALUE LABELS pk1 1 'Strongly disagree' 5 'Strongly agree'.\n"
                "EXPORT OUTFILE='%s'.\n" % path)
    subprocess.run(['pspp', syntax], check=True, cwd=workdir, stdout=subprocess.DEVNULL)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        draft_dir = os.path.join(work, 'draft')
        saved_dir = os.path.join(work, 'saved')
        os.makedirs(draft_dir)
        os.makedirs(saved_dir)
        protect_survey_draft(os.path.join(draft_dir, 'protect-survey.xlsx'))
        merged_header_draft(os.path.join(draft_dir, 'merged-header.xlsx'))
        for name in ('protect-survey', 'merged-header'):
            convert(os.path.join(draft_dir, name + '.xlsx'), 'xlsx:Calc MS Excel 2007 XML', saved_dir, work)
            shutil.copy(os.path.join(saved_dir, name + '.xlsx'), os.path.join(OUT, name + '.xlsx'))
        saved = lambda name: os.path.join(OUT, name + '.xlsx')
        for name, sheet, out in (('protect-survey', 2, 'protect-survey.responses.as-shown.csv'),
                                 ('protect-survey', 1, 'protect-survey.about.as-shown.csv'),
                                 ('merged-header', 1, 'merged-header.as-shown.csv')):
            csv_dir = os.path.join(work, 'csv-' + out)
            convert(saved(name), csv_filter(sheet), csv_dir, work)
            [written] = os.listdir(csv_dir)  # LibreOffice names it <file>-<sheet>.csv
            keep_columns(os.path.join(csv_dir, written), os.path.join(OUT, out), KEPT_COLUMNS.get(out))
        convert(saved('merged-header'), 'ods', OUT, work)
        convert(saved('merged-header'), 'xls:MS Excel 97', OUT, work)
        save_with_password(saved('merged-header'), os.path.join(OUT, 'encrypted.xlsx'), 'survey', work)
        with zipfile.ZipFile(os.path.join(OUT, 'not-a-spreadsheet.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('notes.txt', 'Survey notes: the ward export is attached separately.\n' * 20)
        por(os.path.join(OUT, 'small.por'), work)
    for name in sorted(os.listdir(OUT)):
        if name.endswith(('.xlsx', '.ods', '.xls', '.por', '.zip', '.as-shown.csv')):
            print('%8d  %s' % (os.path.getsize(os.path.join(OUT, name)), name))


if __name__ == '__main__':
    sys.exit(main())
