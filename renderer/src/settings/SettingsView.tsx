import { useState } from 'react';
import type { AppInfo } from '../../../app/shared/api';
import type { useSettings } from '../hooks/useSettings';
import { AppSection } from './AppSection';
import { DeliverySection } from './DeliverySection';
import { ImportExportSection } from './ImportExportSection';
import { QuietHoursSection } from './QuietHoursSection';
import { RulesSection } from './RulesSection';
import { SourcesSection } from './SourcesSection';
import { StorageSection } from './StorageSection';

const sections = [
  ['sources', 'Sources'],
  ['rules', 'Rules'],
  ['quiet', 'Quiet hours'],
  ['delivery', 'Delivery'],
  ['storage', 'History'],
  ['transfer', 'Import & export'],
  ['app', 'App'],
] as const;
type SectionId = (typeof sections)[number][0];

interface Props {
  state: ReturnType<typeof useSettings>;
  info: AppInfo | undefined;
}

export function SettingsView({ state, info }: Props) {
  const [section, setSection] = useState<SectionId>('sources');
  const { settings, save, error } = state;
  if (!settings) {
    return <p className="loading">{error ? `Could not load settings: ${error}` : 'Loading settings…'}</p>;
  }
  const props = { settings, save };
  return (
    <section className="view settings-view">
      <nav className="settings-nav" aria-label="Settings sections">
        {sections.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className={section === id ? 'active' : ''}
            aria-current={section === id ? 'true' : undefined}
            onClick={() => setSection(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="settings-body">
        {section === 'sources' && <SourcesSection {...props} />}
        {section === 'rules' && <RulesSection {...props} />}
        {section === 'quiet' && <QuietHoursSection {...props} />}
        {section === 'delivery' && <DeliverySection {...props} />}
        {section === 'storage' && <StorageSection {...props} />}
        {section === 'transfer' && <ImportExportSection />}
        {section === 'app' && <AppSection {...props} info={info} />}
      </div>
    </section>
  );
}
