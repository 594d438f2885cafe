import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicantTypes, weekdayKeys } from '../describe';
import type { ItemFormValues } from './form-values';
import { ListCard, LocalTextField, YuanInput, type NamePath } from './fields';

const limitKinds = [
  'on-the-spot',
  'working-days',
  'working-hours',
  'calendar-days',
  'working-days-range',
  'none',
] as const;
const feeKinds = ['free', 'flat', 'per-copy', 'tiered', 'composite'] as const;
const simpleFeeKinds = ['free', 'flat', 'per-copy'] as const;
const materialFormats = ['paper', 'electronic', 'either'] as const;
const fieldTypes = ['text', 'textarea', 'number', 'date', 'select'] as const;
const months = Array.from({ length: 12 }, (_value, index) => index + 1);

const content = (...path: (string | number)[]): NamePath => ['content', ...path];

function LimitFields({ form }: { form: FormInstance<ItemFormValues> }) {
  const { t } = useTranslation();
  const kind = Form.useWatch((values: ItemFormValues) => values.content?.limit?.kind, form);
  return (
    <Card size="small" title={t('item.limit')} style={{ marginBottom: 12 }}>
      <Form.Item name={content('limit', 'kind')} label={t('admin.limitKind')}>
        <Select
          style={{ maxWidth: 240 }}
          data-testid="limit-kind"
          options={limitKinds.map((value) => ({ value, label: t(`limitKinds.${value}`) }))}
        />
      </Form.Item>
      {kind === 'working-days' || kind === 'calendar-days' ? (
        <Row gutter={12}>
          <Col>
            <Form.Item name={content('limit', 'days')} label={t('admin.days')}>
              <InputNumber min={1} data-testid="limit-days" />
            </Form.Item>
          </Col>
          {kind === 'working-days' ? (
            <Col>
              <Form.Item
                name={content('limit', 'isInPrinciple')}
                label={t('admin.isInPrinciple')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      ) : null}
      {kind === 'working-hours' ? (
        <Form.Item name={content('limit', 'hours')} label={t('admin.hours')}>
          <InputNumber min={1} />
        </Form.Item>
      ) : null}
      {kind === 'working-days-range' ? (
        <Row gutter={12}>
          <Col>
            <Form.Item name={content('limit', 'minDays')} label={t('admin.minDays')}>
              <InputNumber min={1} />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item name={content('limit', 'maxDays')} label={t('admin.maxDays')}>
              <InputNumber min={1} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {kind === 'none' ? (
        <LocalTextField name={content('limit', 'note')} label={t('admin.limitNote')} isRequired />
      ) : null}
    </Card>
  );
}

/** One simple fee (free, flat, per copy) under a name path: the fee itself or a part of it. */
function SimpleFeeFields({ name, kind }: { name: NamePath; kind: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {kind === 'flat' || kind === 'per-copy' ? (
        <Form.Item name={[...name, 'amountFen']} label={t('admin.amountYuan')}>
          <YuanInput testId="fee-amount" />
        </Form.Item>
      ) : null}
      {kind === 'flat' ? (
        <LocalTextField name={[...name, 'label']} label={t('admin.feeLabel')} />
      ) : null}
      {kind === 'per-copy' ? (
        <LocalTextField name={[...name, 'unit']} label={t('admin.feeUnit')} isRequired />
      ) : null}
    </>
  );
}

function FeeFields({ form }: { form: FormInstance<ItemFormValues> }) {
  const { t } = useTranslation();
  const kind = Form.useWatch((values: ItemFormValues) => values.content?.fee?.kind, form);
  const parts = Form.useWatch(
    (values: ItemFormValues) =>
      values.content?.fee?.kind === 'composite' ? values.content.fee.parts : undefined,
    form,
  );
  return (
    <Card size="small" title={t('item.fee')} style={{ marginBottom: 12 }}>
      <Form.Item name={content('fee', 'kind')} label={t('admin.feeKind')}>
        <Select
          style={{ maxWidth: 240 }}
          data-testid="fee-kind"
          options={feeKinds.map((value) => ({ value, label: t(`feeKinds.${value}`) }))}
        />
      </Form.Item>
      <SimpleFeeFields name={content('fee')} kind={kind} />
      {kind === 'tiered' ? (
        <ListCard
          name={content('fee', 'tiers')}
          title={t('admin.tiers')}
          addLabel={t('admin.addTier')}
          initial={{ label: { zh: '' }, amountFen: 0 }}
          testId="fee-tiers"
          renderRow={(row) => (
            <>
              <LocalTextField name={[row, 'label']} label={t('admin.feeLabel')} isRequired />
              <Form.Item name={[row, 'amountFen']} label={t('admin.amountYuan')}>
                <YuanInput />
              </Form.Item>
            </>
          )}
        />
      ) : null}
      {kind === 'composite' ? (
        <ListCard
          name={content('fee', 'parts')}
          title={t('admin.parts')}
          addLabel={t('admin.addPart')}
          initial={{ kind: 'flat', amountFen: 0 }}
          testId="fee-parts"
          renderRow={(row) => (
            <>
              <Form.Item name={[row, 'kind']} label={t('admin.feeKind')}>
                <Select
                  style={{ maxWidth: 240 }}
                  options={simpleFeeKinds.map((value) => ({
                    value,
                    label: t(`feeKinds.${value}`),
                  }))}
                />
              </Form.Item>
              <SimpleFeeFields name={[row]} kind={parts?.[row]?.kind} />
            </>
          )}
        />
      ) : null}
    </Card>
  );
}

function FormFieldOptions({ form, row }: { form: FormInstance<ItemFormValues>; row: number }) {
  const { t } = useTranslation();
  const type = Form.useWatch((values: ItemFormValues) => values.content?.form?.[row]?.type, form);
  if (type !== 'select') {
    return null;
  }
  return (
    <ListCard
      name={[row, 'options']}
      title={t('admin.fieldOptions')}
      addLabel={t('admin.addOption')}
      initial={{ value: '', label: { zh: '' } }}
      testId="field-options"
      renderRow={(option) => (
        <>
          <Form.Item name={[option, 'value']} label={t('admin.optionValue')}>
            <Input style={{ maxWidth: 240 }} />
          </Form.Item>
          <LocalTextField name={[option, 'label']} label={t('admin.optionLabel')} isRequired />
        </>
      )}
    />
  );
}

/** The item sheet's content as a structured form (R-CAT-1). */
export function ContentFields({ form }: { form: FormInstance<ItemFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <LocalTextField
          name={content('name')}
          label={t('admin.name')}
          isRequired
          testId="item-name"
        />
        <LocalTextField name={content('summary')} label={t('admin.summary')} isLong />
        <LocalTextField
          name={content('eligibility')}
          label={t('admin.eligibility')}
          isRequired
          isLong
          testId="item-eligibility"
        />
        <Form.Item name={content('applicantTypes')} label={t('admin.applicantTypes')} required>
          <Checkbox.Group
            options={applicantTypes.map((value) => ({
              value,
              label: t(`applicantTypes.${value}`),
            }))}
          />
        </Form.Item>
      </Card>

      <ListCard
        name={content('basis')}
        title={t('admin.basis')}
        addLabel={t('admin.addBasis')}
        initial={{ zh: '' }}
        testId="basis-list"
        renderRow={(row) => <LocalTextField name={[row]} label={t('admin.basis')} isRequired />}
      />

      <ListCard
        name={content('steps')}
        title={t('admin.steps')}
        addLabel={t('admin.addStep')}
        initial={{ title: { zh: '' } }}
        testId="step-list"
        renderRow={(row) => (
          <>
            <LocalTextField name={[row, 'title']} label={t('admin.stepTitle')} isRequired />
            <LocalTextField name={[row, 'detail']} label={t('admin.stepDetail')} isLong />
          </>
        )}
      />

      <ListCard
        name={content('materials')}
        title={t('admin.materials')}
        addLabel={t('admin.addMaterial')}
        initial={{
          key: '',
          name: { zh: '' },
          format: 'either',
          originals: 1,
          copies: 0,
          isUploadRequired: false,
        }}
        testId="material-list"
        renderRow={(row) => (
          <>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={[row, 'key']}
                  label={t('admin.materialKey')}
                  tooltip={t('admin.materialKeyHint')}
                >
                  <Input data-testid="material-key" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[row, 'format']} label={t('item.format')}>
                  <Select
                    options={materialFormats.map((value) => ({
                      value,
                      label: t(`materialFormats.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={6} md={5}>
                <Form.Item name={[row, 'originals']} label={t('item.originals')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={6} md={5}>
                <Form.Item name={[row, 'copies']} label={t('item.copies')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <LocalTextField
              name={[row, 'name']}
              label={t('item.materialName')}
              isRequired
              testId="material-name"
            />
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name={[row, 'alternativeGroup']}
                  label={t('admin.alternativeGroup')}
                  tooltip={t('admin.alternativeGroupHint')}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={[row, 'isUploadRequired']}
                  label={t('admin.isUploadRequired')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <LocalTextField name={[row, 'condition']} label={t('admin.condition')} />
            <LocalTextField name={[row, 'photoSpec']} label={t('admin.photoSpec')} />
            <LocalTextField name={[row, 'note']} label={t('admin.note')} />
          </>
        )}
      />

      <LimitFields form={form} />
      <FeeFields form={form} />

      <Card size="small" title={t('item.intake')} style={{ marginBottom: 12 }}>
        <Form.Item name={content('intake', 'weekdays')} label={t('admin.intakeWeekdays')}>
          <Checkbox.Group
            options={weekdayKeys.map((key, index) => ({
              value: index + 1,
              label: t(`weekdays.${key}`),
            }))}
          />
        </Form.Item>
        <Form.Item name={content('intake', 'months')} label={t('admin.intakeMonths')}>
          <Checkbox.Group
            options={months.map((month) => ({ value: month, label: String(month) }))}
          />
        </Form.Item>
        <Form.Item name={content('intake', 'leadWorkingDays')} label={t('admin.leadWorkingDays')}>
          <InputNumber min={1} />
        </Form.Item>
        <LocalTextField name={content('intake', 'note')} label={t('admin.intakeNote')} />
      </Card>

      <Card size="small" title={t('item.agent')} style={{ marginBottom: 12 }}>
        <Form.Item
          name={content('agent', 'isAllowed')}
          label={t('admin.agentAllowed')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <LocalTextField
          name={content('agent', 'authorisation')}
          label={t('admin.agentAuthorisation')}
        />
        <Form.Item name={content('reissueLimit')} label={t('admin.reissueLimit')}>
          <InputNumber min={0} />
        </Form.Item>
      </Card>

      <ListCard
        name={content('rules')}
        title={t('admin.rules')}
        addLabel={t('admin.addRule')}
        initial={{ zh: '' }}
        testId="rule-list"
        renderRow={(row) => <LocalTextField name={[row]} label={t('admin.rules')} isLong />}
      />

      <ListCard
        name={content('form')}
        title={t('admin.form')}
        addLabel={t('admin.addField')}
        initial={{ key: '', label: { zh: '' }, type: 'text', isRequired: true }}
        testId="form-field-list"
        renderRow={(row) => (
          <>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name={[row, 'key']} label={t('admin.fieldKey')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={14} md={8}>
                <Form.Item name={[row, 'type']} label={t('admin.fieldType')}>
                  <Select
                    options={fieldTypes.map((value) => ({
                      value,
                      label: t(`admin.fieldTypes.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={10} md={8}>
                <Form.Item
                  name={[row, 'isRequired']}
                  label={t('admin.fieldRequired')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <LocalTextField name={[row, 'label']} label={t('admin.fieldLabel')} isRequired />
            <FormFieldOptions form={form} row={row} />
          </>
        )}
      />

      <Card size="small" title={t('item.contact')} style={{ marginBottom: 12 }}>
        <Form.Item name={content('contact', 'phone')} label={t('admin.contactPhone')}>
          <Input style={{ maxWidth: 240 }} inputMode="tel" />
        </Form.Item>
        <LocalTextField name={content('contact', 'place')} label={t('admin.contactPlace')} />
      </Card>
    </>
  );
}
