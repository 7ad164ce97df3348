/**
 * The built-in codebook: the NHS professionals' human-trafficking survey of Ross et al. (2015),
 * "Human trafficking and health: a cross-sectional survey of NHS professionals' contact with
 * victims of human trafficking", BMJ Open 5:e008682 (the PROTECT project).
 *
 * The published questionnaire is not public: the items below are a reconstruction worded after
 * the paper's abstract. The object is a RAW codebook in the contract §2 shape, validated like
 * any user codebook; `id` names the respondent id column and each scale's optional
 * `itemLabels` gives the wording of its items.
 *
 * Prevalence definitions (how the abstract's percentages read the items):
 * - "lacking knowledge / confidence" and "insufficient training" / "unaware": the respondent
 *   did not agree with the positively worded statement, i.e. answered Strongly disagree,
 *   Disagree or Neither agree nor disagree (codes 1, 2, 3 of `agree5`);
 * - "unaware that calling the police could put patients in more danger": the answer to that
 *   true statement was not "True" ("False" or "Don't know");
 * - "contact": answered "Yes" to previous contact with a patient known or suspected to have
 *   been trafficked.
 * Blank answers are left out of every denominator (contract §2).
 */
export const builtinProtectCodebook = {
  title: 'NHS professionals and human trafficking (PROTECT survey, reconstructed instrument)',
  id: 'id',
  missing: ['', 'NA', 'N/A', '-99'],
  responseSets: {
    agree5: {
      'Strongly disagree': 1,
      Disagree: 2,
      'Neither agree nor disagree': 3,
      Agree: 4,
      'Strongly agree': 5,
    },
  },
  scales: [
    {
      id: 'perceived_knowledge',
      label: 'Perceived knowledge',
      items: ['pk1', 'pk2', 'pk3', 'pk4', 'pk5', 'pk6', 'pk7', 'pk8', 'pk9'],
      itemLabels: {
        pk1: 'I know what questions to ask to identify potential victims of trafficking',
        pk2: 'I have had sufficient training to assist trafficked people',
        pk3: 'I am aware of the scale of human trafficking in the UK',
        pk4: 'I know the indicators that a patient may have been trafficked',
        pk5: 'I understand the health needs of people who have been trafficked',
        pk6: 'I know how to respond safely if I suspect that a patient has been trafficked',
        pk7: 'I know which local and national services can help trafficked people',
        pk8: 'I know the entitlements of trafficked people to NHS care',
        pk9: 'I would not know what to do if a patient told me they had been trafficked',
      },
      responses: 'agree5',
      range: [1, 5],
      reverse: ['pk9'],
      score: 'mean',
      minAnswered: 7,
    },
    {
      id: 'actual_knowledge',
      label: 'Actual knowledge',
      items: ['ak1', 'ak2', 'ak3', 'ak4', 'ak5', 'ak6', 'ak7', 'ak8', 'ak9'],
      itemLabels: {
        ak1: 'Calling the police could put a trafficked patient in more danger',
        ak2: 'Human trafficking always involves moving people across international borders',
        ak3: 'UK nationals can be trafficked within the UK',
        ak4: 'A person who agreed to travel or to take a job cannot be a victim of trafficking',
        ak5: 'Trafficked people are always physically restrained or locked up',
        ak6: 'A trafficked patient may be accompanied by someone who insists on speaking for them',
        ak7: 'Only women and girls are trafficked for sexual exploitation',
        ak8: 'An adult must consent before being referred to the National Referral Mechanism',
        ak9: 'Trafficked people without immigration status are not entitled to free NHS hospital care',
      },
      key: {
        ak1: 'True',
        ak2: 'False',
        ak3: 'True',
        ak4: 'False',
        ak5: 'False',
        ak6: 'True',
        ak7: 'False',
        ak8: 'True',
        ak9: 'False',
      },
      score: 'sum',
      minAnswered: 7,
    },
    {
      id: 'confidence',
      label: 'Confidence to respond',
      items: ['conf1', 'conf2', 'conf3', 'conf4', 'conf5', 'conf6'],
      itemLabels: {
        conf1: 'I am confident making appropriate referrals for men who have been trafficked',
        conf2: 'I am confident making appropriate referrals for women who have been trafficked',
        conf3: 'I am confident making appropriate referrals for children who have been trafficked',
        conf4: 'I am confident I could identify a patient who may have been trafficked',
        conf5: 'I am confident I could speak to a patient alone, away from anyone accompanying them',
        conf6: 'I would feel uncomfortable asking a patient whether they are being exploited',
      },
      responses: 'agree5',
      range: [1, 5],
      reverse: ['conf6'],
      score: 'mean',
      minAnswered: 5,
    },
  ],
  prevalence: [
    {
      id: 'contact',
      label: 'Previous contact with a patient known or suspected to have been trafficked',
      column: 'contact',
      positive: ['Yes'],
    },
    {
      // Did not agree that they know what questions to ask (abstract: 86.8%, n = 679).
      id: 'lacks_questions_knowledge',
      label: 'Lacks knowledge of what questions to ask to identify potential victims',
      column: 'pk1',
      positive: [1, 2, 3],
    },
    {
      // Did not agree that their training was sufficient (78.3%, n = 613).
      id: 'insufficient_training',
      label: 'Insufficient training to assist trafficked people',
      column: 'pk2',
      positive: [1, 2, 3],
    },
    {
      // Did not agree they are confident referring trafficked men (71%, n = 556).
      id: 'lacks_confidence_men',
      label: 'Lacks confidence making appropriate referrals for trafficked men',
      column: 'conf1',
      positive: [1, 2, 3],
    },
    {
      // ... women (67.5%, n = 528).
      id: 'lacks_confidence_women',
      label: 'Lacks confidence making appropriate referrals for trafficked women',
      column: 'conf2',
      positive: [1, 2, 3],
    },
    {
      // ... children (53.4%, n = 418).
      id: 'lacks_confidence_children',
      label: 'Lacks confidence making appropriate referrals for trafficked children',
      column: 'conf3',
      positive: [1, 2, 3],
    },
    {
      // Did not agree they are aware of the scale of trafficking in the UK (95.3%, n = 746).
      id: 'unaware_scale',
      label: 'Unaware of the scale of human trafficking in the UK',
      column: 'pk3',
      positive: [1, 2, 3],
    },
    {
      // Did not answer "True" to a true statement (76.5%, n = 598).
      id: 'unaware_police_risk',
      label: 'Unaware that calling the police could put patients in more danger',
      column: 'ak1',
      positive: ['False', "Don't know"],
    },
  ],
  groups: ['discipline'],
};
