import csv, random, json, io
random.seed(3)
agree=["Strongly disagree","Somewhat disagree","Neither agree nor disagree","Somewhat agree","Strongly agree"]
meta=['StartDate','EndDate','Status','IPAddress','Progress','Duration (in seconds)','Finished','RecordedDate','ResponseId','DistributionChannel','UserLanguage','Q_RecaptchaScore','Q_RelevantIDDuplicate','Q_RelevantIDDuplicateScore']
qs=['Q1_1','Q1_2','Q1_3','Q1_4','Q5_1','Q5_1_TEXT','1_Q7','2_Q7','Q3']
dos=['FL_12_DO','Q1_DO']
emb=['cohort','site']
cols=meta+qs+dos+emb
row2={c:c for c in cols}
row2.update({'StartDate':'Start Date','Status':'Response Type','ResponseId':'Response ID'})
for i in range(1,5): row2[f'Q1_{i}']=f'How much do you agree?\r\n(Please be honest) - Statement {i}'
row2['Q5_1']='How many hours? - Hours'; row2['Q5_1_TEXT']='How many hours? - Other - Text'
row2['1_Q7']='Loop 1 - rating'; row2['2_Q7']='Loop 2 - rating'; row2['Q3']='Contact?'
row2['FL_12_DO']='Block randomizer - Display Order'; row2['Q1_DO']='How much do you agree? - Display Order'
row3={c:json.dumps({"ImportId":c}) for c in cols}
rows=[]
for r in range(40):
    status = 'Survey Preview' if r<2 else ('Spam' if r==2 else 'IP Address')
    d={c:'' for c in cols}
    d.update(StartDate='2024-03-01 10:00:00',EndDate='2024-03-01 10:05:00',Status=status,IPAddress='1.2.3.4',Progress='100',**{'Duration (in seconds)':'300'},Finished='True',RecordedDate='2024-03-01 10:05:00',ResponseId=f'R_{r:04d}',DistributionChannel='anonymous',UserLanguage='EN',Q_RecaptchaScore='0.9',Q_RelevantIDDuplicate='',Q_RelevantIDDuplicateScore='0')
    base=random.randint(0,4)
    for i in range(1,5): d[f'Q1_{i}']=agree[max(0,min(4,base+random.randint(-1,1)))]
    d['Q5_1']=str(random.randint(1,10)); d['Q5_1_TEXT']='lots' if r%7==0 else ''
    d['1_Q7']=str(random.randint(1,5)); d['2_Q7']=str(random.randint(1,5)); d['Q3']=random.choice(['Yes','No'])
    d['FL_12_DO']='Block A|Block B'; d['Q1_DO']='Q1_1|Q1_2|Q1_3|Q1_4'
    d['cohort']=random.choice(['2023','2024']); d['site']=random.choice(['North','South'])
    rows.append(d)
def write(path, rows, enc='utf-8-sig', delim=','):
    with open(path,'w',newline='',encoding=enc) as f:
        w=csv.writer(f,delimiter=delim); w.writerow(cols); w.writerow([row2[c] for c in cols]); w.writerow([row3[c] for c in cols])
        for d in rows: w.writerow([d[c] for c in cols])
write('qualtrics-rich.csv',rows)
write('q-headers-only.csv',[])
# numeric
num={ 'Survey Preview':'1','Spam':'8','IP Address':'0'}
nrows=[]
for d in rows:
    e=dict(d); e['Status']=num[d['Status']]; e['Finished']='1'
    for i in range(1,5): e[f'Q1_{i}']=str(agree.index(d[f'Q1_{i}'])+1)
    e['Q3']='1' if d['Q3']=='Yes' else '2'
    nrows.append(e)
write('q-numeric.csv',nrows)
write('q-tsv.tsv',rows,enc='utf-16',delim='\t')
import openpyxl
wb=openpyxl.Workbook(); ws=wb.active; ws.title='Sheet0'
ws.append(cols); ws.append([row2[c] for c in cols]); ws.append([row3[c] for c in cols])
for d in rows: ws.append([d[c] for c in cols])
wb.save('q-rich.xlsx')
# truth
real=[d for d in rows if d['Status']=='IP Address']
print(len(rows),len(real))
json.dump(real,open('q-real.json','w'))
