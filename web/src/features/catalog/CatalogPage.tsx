import { BankOutlined, ClockCircleOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLocalText } from '../../shared/format';
import { useOrg } from '../../shared/org';
import { useItems, type CatalogFilters } from './api';
import type { ItemSummary } from './content';
import { applicantTypes, describeLimit, type ApplicantType } from './describe';

const pageSize = 12;

const channelColors = { online: 'green', hall: 'blue', both: 'cyan' } as const;

function ItemCard({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  const { pick, pickName } = useLocalText();
  return (
    <article className="item-card" data-testid="item-card">
      <header className="item-card-head">
        <Link to={`/items/${item.id}`} className="item-card-title">
          {pick(item.name)}
        </Link>
        <Tag color={channelColors[item.channel]} className="item-card-channel">
          {t(`channels.${item.channel}`)}
        </Tag>
      </header>
      <ul className="item-card-facts">
        <li>
          <BankOutlined aria-hidden /> {pickName(item.unit)}
        </li>
        <li>
          <ClockCircleOutlined aria-hidden /> {t('item.limit')}:{' '}
          {describeLimit(item.limit, t, pick)}
        </li>
        <li>
          <UserOutlined aria-hidden />{' '}
          {item.audiences.map((type) => t(`applicantTypes.${type as ApplicantType}`)).join(' · ')}
        </li>
      </ul>
    </article>
  );
}

interface FilterProps {
  label: string;
  allLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  testId: string;
}

/** A native select: light to load and the most usable picker on a phone. */
function Filter({ label, allLabel, value, options, onChange, testId }: FilterProps) {
  return (
    <label className="catalog-filter">
      <span className="visually-hidden">{label}</span>
      <select
        className="native-select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
        data-testid={testId}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The public catalogue (home): search, filters by campus, unit and audience (R-CAT-5). */
export function CatalogPage() {
  const { t } = useTranslation();
  const { pickName } = useLocalText();
  const [params, setParams] = useSearchParams();
  const org = useOrg();

  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters: CatalogFilters = {
    q: params.get('q') ?? undefined,
    campusId: params.get('campus') ?? undefined,
    unitId: params.get('unit') ?? undefined,
    audience: applicantTypes.find((type) => type === params.get('audience')),
    page,
    pageSize,
  };
  const items = useItems(filters);
  const hasFilters = Boolean(filters.q || filters.campusId || filters.unitId || filters.audience);
  const pageCount = Math.ceil((items.data?.total ?? 0) / pageSize);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    if (!('page' in changes)) {
      next.delete('page');
    }
    setParams(next);
  };

  const onSearch = (event: React.SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new FormData(event.currentTarget).get('q');
    update({ q: typeof query === 'string' && query.trim() ? query.trim() : undefined });
  };

  return (
    <>
      <section className="catalog-hero">
        <h1>{t('catalog.title')}</h1>
        <p className="muted">{t('catalog.intro')}</p>
        <form role="search" className="catalog-search" onSubmit={onSearch} key={filters.q ?? ''}>
          <input
            name="q"
            type="search"
            className="catalog-search-input"
            defaultValue={filters.q}
            placeholder={t('catalog.searchPlaceholder')}
            aria-label={t('catalog.searchPlaceholder')}
            data-testid="catalog-search"
          />
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            icon={<SearchOutlined />}
            data-testid="catalog-search-submit"
          >
            {t('catalog.search')}
          </Button>
        </form>
        <div className="catalog-filters">
          <Filter
            label={t('org.campus')}
            allLabel={t('catalog.allCampuses')}
            value={filters.campusId}
            onChange={(value) => update({ campus: value })}
            options={(org.data?.campuses ?? []).map((campus) => ({
              value: campus.id,
              label: pickName(campus),
            }))}
            testId="filter-campus"
          />
          <Filter
            label={t('org.unit')}
            allLabel={t('catalog.allUnits')}
            value={filters.unitId}
            onChange={(value) => update({ unit: value })}
            options={(org.data?.units ?? []).map((unit) => ({
              value: unit.id,
              label: pickName(unit),
            }))}
            testId="filter-unit"
          />
          <Filter
            label={t('item.applicantTypes')}
            allLabel={t('catalog.allAudiences')}
            value={filters.audience}
            onChange={(value) => update({ audience: value })}
            options={applicantTypes.map((type) => ({
              value: type,
              label: t(`applicantTypes.${type}`),
            }))}
            testId="filter-audience"
          />
        </div>
      </section>

      {items.isError ? <ErrorAlert error={items.error} /> : null}
      {items.isPending ? <Spin className="page-spinner" /> : null}
      {items.data && items.data.items.length === 0 ? (
        <Empty
          className="catalog-empty"
          data-testid="catalog-empty"
          description={hasFilters ? t('catalog.emptyFiltered') : t('catalog.empty')}
        >
          {hasFilters ? (
            <Button
              type="primary"
              onClick={() => setParams(new URLSearchParams())}
              data-testid="clear-filters"
            >
              {t('catalog.clearFilters')}
            </Button>
          ) : null}
        </Empty>
      ) : null}
      {items.data && items.data.items.length > 0 ? (
        <>
          <p className="muted" data-testid="catalog-count" aria-live="polite">
            {t('catalog.found', { count: items.data.total })}
          </p>
          <div className="catalog-grid" data-testid="catalog-results">
            {items.data.items.map((item) => (
              <ItemCard key={item.id} item={item} />
            ))}
          </div>
          {pageCount > 1 ? (
            <nav className="catalog-pages" aria-label={t('catalog.pages')}>
              <Button disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                {t('catalog.previous')}
              </Button>
              <span>{t('catalog.pageOf', { page, count: pageCount })}</span>
              <Button
                disabled={page >= pageCount}
                onClick={() => update({ page: String(page + 1) })}
              >
                {t('catalog.next')}
              </Button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
