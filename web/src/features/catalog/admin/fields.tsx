import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type NamePath = (string | number)[];

interface LocalTextFieldProps {
  name: NamePath;
  label: ReactNode;
  isRequired?: boolean;
  isLong?: boolean;
  testId?: string;
}

/** A bilingual text: Chinese, and English beside it (required for foreign-facing items). */
export function LocalTextField({ name, label, isRequired, isLong, testId }: LocalTextFieldProps) {
  const { t } = useTranslation();
  const Control = isLong ? Input.TextArea : Input;
  return (
    <Form.Item label={label} required={isRequired} style={{ marginBottom: 0 }}>
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item name={[...name, 'zh']}>
            <Control
              placeholder={t('admin.chinese')}
              {...(isLong ? { autoSize: { minRows: 2, maxRows: 6 } } : {})}
              data-testid={testId ? `${testId}-zh` : undefined}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[...name, 'en']}>
            <Control
              placeholder={t('admin.english')}
              lang="en"
              {...(isLong ? { autoSize: { minRows: 2, maxRows: 6 } } : {})}
              data-testid={testId ? `${testId}-en` : undefined}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form.Item>
  );
}

/** An amount kept in fen, typed in yuan. */
export function YuanInput({
  value,
  onChange,
  testId,
}: {
  value?: number;
  onChange?: (fen: number | undefined) => void;
  testId?: string;
}) {
  return (
    <InputNumber<number>
      min={0}
      step={0.5}
      precision={2}
      prefix="¥"
      style={{ width: 160 }}
      value={value === undefined ? undefined : value / 100}
      onChange={(yuan) => onChange?.(yuan === null ? undefined : Math.round(yuan * 100))}
      data-testid={testId}
    />
  );
}

interface ListCardProps {
  name: NamePath;
  title: ReactNode;
  addLabel: string;
  /** What a new row starts with. */
  initial: unknown;
  testId: string;
  renderRow: (fieldName: number) => ReactNode;
}

/** A list of rows that can be added, removed and moved: steps, materials, rules … */
export function ListCard({ name, title, addLabel, initial, testId, renderRow }: ListCardProps) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
          {fields.map((field, index) => (
            <div key={field.key} className="editor-row">
              <div className="editor-row-tools">
                <span className="editor-row-number">{index + 1}</span>
                <Space size={2}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={t('common.moveUp')}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={t('common.moveDown')}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.remove')}
                  />
                </Space>
              </div>
              {renderRow(field.name)}
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add(structuredClone(initial))}
            data-testid={`${testId}-add`}
          >
            {addLabel}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}
