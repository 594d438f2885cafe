import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalText } from './format';
import { useOrg } from './org';

interface WindowSelectProps {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
}

/** Any hall window, named with its hall and unit: where a case or question is handed. */
export function WindowSelect({ testId = 'action-toWindowId', ...props }: WindowSelectProps) {
  const { t } = useTranslation();
  const { pickName } = useLocalText();
  const org = useOrg();
  const halls = new Map((org.data?.halls ?? []).map((hall) => [hall.id, hall]));
  const units = new Map((org.data?.units ?? []).map((unit) => [unit.id, unit]));
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      options={(org.data?.windows ?? []).map((window) => ({
        value: window.id,
        label: `${pickName(halls.get(window.hallId))} · ${t('org.windowNumber', {
          number: window.number,
        })} ${pickName(window)} (${pickName(units.get(window.unitId))})`,
      }))}
    />
  );
}
