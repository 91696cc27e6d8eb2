import type { FieldError } from '../../../app/shared/api';
import type { Settings } from '../../../app/shared/settings';

export interface SectionProps {
  settings: Settings;
  save(next: Settings): Promise<FieldError[]>;
}
