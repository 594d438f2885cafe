import { describe, expect, it } from 'vitest';
import { itemContent, type ItemContentInput } from '../catalog/content.js';
import { checkForm, checkMaterials } from './form.js';

const base: ItemContentInput = {
  name: { zh: '学位证明' },
  basis: [{ zh: '学位条例' }],
  eligibility: { zh: '本校毕业生' },
  applicantTypes: ['student'],
  steps: [{ title: { zh: '提交申请' } }],
  limit: { kind: 'working-days', days: 5 },
  materials: [
    { key: 'id-card', name: { zh: '身份证' }, isUploadRequired: true },
    { key: 'passport', name: { zh: '护照' }, isUploadRequired: true, alternativeGroup: 'identity' },
    {
      key: 'hk-pass',
      name: { zh: '港澳通行证' },
      isUploadRequired: true,
      alternativeGroup: 'identity',
    },
    {
      key: 'authorisation',
      name: { zh: '授权委托书' },
      isUploadRequired: true,
      condition: { zh: '仅限代办' },
    },
    { key: 'photo', name: { zh: '照片' } },
  ],
  form: [
    { key: 'purpose', label: { zh: '用途' }, type: 'text' },
    { key: 'copies', label: { zh: '份数' }, type: 'number' },
    {
      key: 'language',
      label: { zh: '语言' },
      type: 'select',
      options: [
        { value: 'zh', label: { zh: '中文' } },
        { value: 'en', label: { zh: '英文' } },
      ],
    },
    { key: 'note', label: { zh: '备注' }, type: 'textarea', isRequired: false },
  ],
};
const content = itemContent.parse(base);

describe('filing checks', () => {
  it('R-CASE-1 requires each required upload and one of each group of alternatives', () => {
    expect(checkMaterials(content, [])).toEqual([
      { path: 'materials.id-card', message: 'this material must be uploaded' },
      { path: 'materials.passport', message: 'upload one of: passport, hk-pass' },
    ]);
    expect(checkMaterials(content, ['id-card', 'hk-pass'])).toEqual([]);
  });

  it('R-CASE-1 refuses an upload for a material the item does not list', () => {
    expect(checkMaterials(content, ['id-card', 'passport', 'diploma'])).toEqual([
      { path: 'materials.diploma', message: 'not a material of this item' },
    ]);
  });

  it('R-CASE-1 checks every answer of the item form and reports each field', () => {
    const result = checkForm(content.form, { copies: 'many', language: 'fr' });
    expect(result.issues.map((issue) => issue.path).sort()).toEqual([
      'form.copies',
      'form.language',
      'form.purpose',
    ]);
  });

  it('R-CASE-1 keeps valid answers and drops keys the form does not ask', () => {
    const result = checkForm(content.form, {
      purpose: '出国',
      copies: '2',
      language: 'en',
      note: '',
      extra: 'x',
    });
    expect(result).toEqual({ data: { purpose: '出国', copies: 2, language: 'en' }, issues: [] });
  });

  it('R-CASE-1 refuses negative counts and dates that are not in the calendar', () => {
    const fields = itemContent.parse({
      ...base,
      form: [
        { key: 'copies', label: { zh: '份数' }, type: 'number' },
        { key: 'departure', label: { zh: '出发日期' }, type: 'date' },
      ],
    }).form;
    const bad = checkForm(fields, { copies: '-5', departure: '2026-13-45' });
    expect(bad.issues.map((issue) => issue.path).sort()).toEqual(['form.copies', 'form.departure']);
    expect(checkForm(fields, { copies: '2', departure: '2026-02-28' }).issues).toEqual([]);
  });
});
