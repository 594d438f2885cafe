import {
  FilePdfOutlined,
  FormOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Alert, Button, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLocalText } from '../../shared/format';
import { useOrg } from '../../shared/org';
import { hasRole, useMe } from '../auth/session';
import { DuePreview } from '../calendar/DuePreview';
import { useItem } from './api';
import type { ItemSheet, Material } from './content';
import { describeFee, describeIntake, describeLimit, numberAlternativeGroups } from './describe';

function MaterialNotes({ material, group }: { material: Material; group: number | undefined }) {
  const { t } = useTranslation();
  const { pick } = useLocalText();
  const notes: string[] = [];
  if (group !== undefined) {
    notes.push(t('item.alternativeOf', { group }));
  }
  if (material.condition) {
    notes.push(t('item.conditionOnly', { condition: pick(material.condition) }));
  }
  if (material.photoSpec) {
    notes.push(t('item.photoSpec', { spec: pick(material.photoSpec) }));
  }
  if (material.note) {
    notes.push(pick(material.note));
  }
  return notes.length === 0 ? (
    <>—</>
  ) : (
    <>
      {notes.map((note) => (
        <div key={note}>{note}</div>
      ))}
    </>
  );
}

/** The item sheet (一事一表): every public field of an item in one layout, for screen and paper. */
function Sheet({ item }: { item: ItemSheet }) {
  const { t } = useTranslation();
  const { pick, pickName, isEnglish } = useLocalText();
  const campuses = useOrg().data?.campuses ?? [];
  const content = item.content;
  const groups = numberAlternativeGroups(content.materials);
  const hasMaterials = content.materials.length > 0;

  const facts: [string, React.ReactNode][] = [
    [t('item.code'), item.code],
    [t('org.unit'), `${pickName(item.unit)}${item.unit.phone ? ` · ${item.unit.phone}` : ''}`],
    [
      t('item.applicantTypes'),
      content.applicantTypes
        .map((type) => t(`applicantTypes.${type}`))
        .join(t('common.listSeparator')),
    ],
    [t('item.eligibility'), pick(content.eligibility)],
    [t('item.channel'), t(`channels.${item.channel}`)],
    [t('item.mode'), t(`handlingModes.${item.defaultMode}`)],
    [
      t('org.campus'),
      item.campusIds
        .map((id) => pickName(campuses.find((campus) => campus.id === id)) || id)
        .join(t('common.listSeparator')) || '—',
    ],
    [
      t('item.limit'),
      <>
        <div data-testid="sheet-limit">{describeLimit(content.limit, t, pick)}</div>
        <div className="no-print">
          <DuePreview limit={content.limit} />
        </div>
      </>,
    ],
    [t('item.fee'), <span data-testid="sheet-fee">{describeFee(content.fee, t, pick)}</span>],
    [t('item.intake'), describeIntake(content.intake, t, pick)],
    [
      t('item.agent'),
      content.agent.isAllowed
        ? `${t('item.agentAllowed')}${content.agent.authorisation ? t('common.sentenceSeparator') + pick(content.agent.authorisation) : ''}`
        : t('item.agentNotAllowed'),
    ],
  ];
  if (item.participants.length > 0) {
    facts.push([
      t('item.participants'),
      item.participants.map((unit) => pickName(unit)).join(t('common.listSeparator')),
    ]);
  }
  if (content.reissueLimit !== undefined) {
    facts.push([t('item.reissueLimit'), t('item.reissueTimes', { count: content.reissueLimit })]);
  }

  return (
    <article className="sheet" data-testid="item-sheet" lang={isEnglish ? 'en' : 'zh-CN'}>
      <div className="sheet-kicker muted">{t('item.sheetTitle')}</div>
      <h1 data-testid="sheet-name">{pick(content.name)}</h1>
      {content.summary ? <p>{pick(content.summary)}</p> : null}
      {item.isForeignFacing ? <Tag color="geekblue">{t('item.foreignFacing')}</Tag> : null}

      <h2>{t('item.facts')}</h2>
      <table className="sheet-table sheet-facts">
        <tbody>
          {facts.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('item.basis')}</h2>
      <ol data-testid="sheet-basis">
        {content.basis.map((basis) => (
          <li key={basis.zh}>{pick(basis)}</li>
        ))}
      </ol>

      <h2>{t('item.steps')}</h2>
      <ol data-testid="sheet-steps">
        {content.steps.map((step) => (
          <li key={step.title.zh}>
            <strong>{pick(step.title)}</strong>
            {step.detail ? <div>{pick(step.detail)}</div> : null}
          </li>
        ))}
      </ol>

      <h2>{t('item.materials')}</h2>
      {hasMaterials ? (
        <div className="sheet-scroll">
          <table className="sheet-table" data-testid="sheet-materials">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('item.materialName')}</th>
                <th>{t('item.format')}</th>
                <th>{t('item.originals')}</th>
                <th>{t('item.copies')}</th>
                <th>{t('item.materialNotes')}</th>
                <th>{t('item.upload')}</th>
              </tr>
            </thead>
            <tbody>
              {content.materials.map((material, index) => (
                <tr key={material.key} data-testid="sheet-material">
                  <td>{index + 1}</td>
                  <td>{pick(material.name)}</td>
                  <td>{t(`materialFormats.${material.format}`)}</td>
                  <td>{material.originals}</td>
                  <td>{material.copies}</td>
                  <td>
                    <MaterialNotes
                      material={material}
                      group={
                        material.alternativeGroup
                          ? groups.get(material.alternativeGroup)
                          : undefined
                      }
                    />
                  </td>
                  <td>
                    {material.isUploadRequired
                      ? t('item.uploadRequired')
                      : t('item.uploadOptional')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('item.noMaterials')}</p>
      )}

      {content.rules.length > 0 ? (
        <>
          <h2>{t('item.rules')}</h2>
          <ul data-testid="sheet-rules">
            {content.rules.map((rule) => (
              <li key={rule.zh}>{pick(rule)}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('item.where')}</h2>
      {item.windows.length > 0 ? (
        <div className="sheet-scroll">
          <table className="sheet-table" data-testid="sheet-windows">
            <thead>
              <tr>
                <th>{t('org.hall')}</th>
                <th>{t('org.address')}</th>
                <th>{t('org.window')}</th>
                <th>{t('org.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {item.windows.map((window) => (
                <tr key={window.id}>
                  <td>{pickName(window.hall)}</td>
                  <td>
                    {isEnglish
                      ? window.hall.addressEn || window.hall.addressZh
                      : window.hall.addressZh}
                  </td>
                  <td>
                    {t('org.windowNumber', { number: window.number })} {pickName(window)}
                  </td>
                  <td>{window.phone || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('item.onlineOnly')}</p>
      )}

      <h2>{t('item.contact')}</h2>
      <p data-testid="sheet-contact">
        {[content.contact.phone, pick(content.contact.place), item.unit.phone]
          .filter(Boolean)
          .filter((value, index, all) => all.indexOf(value) === index)
          .join(t('common.sentenceSeparator')) || '—'}
      </p>
    </article>
  );
}

export function ItemSheetPage() {
  const { t } = useTranslation();
  const { pick, isEnglish } = useLocalText();
  const { id } = useParams();
  const [params] = useSearchParams();
  const version = Number(params.get('version')) || undefined;
  const item = useItem(id, version);
  const me = useMe();
  // Window staff file at the window for any item; applicants online where the item allows it.
  const isWindowFiling = hasRole(me.data, ['staff', 'window-lead']);
  const canApply =
    item.data?.status === 'published' && (isWindowFiling || item.data.channel !== 'hall');

  return (
    <>
      <nav className="crumbs no-print" aria-label={t('nav.main')}>
        <Link to="/">{t('nav.catalog')}</Link>
        <span aria-hidden> / </span>
        <span>{item.data ? pick(item.data.content.name) : '…'}</span>
      </nav>
      {item.isError ? <ErrorAlert error={item.error} /> : null}
      {item.isPending ? <Spin className="page-spinner" /> : null}
      {item.data ? (
        <>
          {item.data.status !== 'published' ? (
            <Alert
              className="no-print"
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(`itemStatuses.${item.data.status}`)}
            />
          ) : null}
          <div className="sheet-toolbar no-print">
            {canApply ? (
              <Link to={`/items/${item.data.id}/apply`}>
                <Button type="primary" icon={<FormOutlined />} data-testid="apply-online">
                  {isWindowFiling ? t('item.fileAtWindow') : t('item.applyOnline')}
                </Button>
              </Link>
            ) : null}
            {isWindowFiling ? null : (
              <Link to={`/consultations/new?item=${item.data.id}`}>
                <Button icon={<QuestionCircleOutlined />} data-testid="ask-about-item">
                  {t('consultations.ask')}
                </Button>
              </Link>
            )}
            <Button
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              data-testid="print-sheet"
            >
              {t('item.print')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              href={`/api/items/${item.data.id}/sheet.pdf?${new URLSearchParams({
                lang: isEnglish ? 'en' : 'zh',
                download: 'true',
                ...(version ? { version: String(version) } : {}),
              }).toString()}`}
              data-testid="download-pdf"
            >
              {t('item.downloadPdf')}
            </Button>
          </div>
          <Sheet item={item.data} />
        </>
      ) : null}
    </>
  );
}
