import type { NowPlayingItem } from './protocol';
import { str, strings } from './protocol';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Some Show S01E01 · Pilot", "Artist – Song", "Movie (2024)": what a person would call the item. */
export function itemLabel(item: NowPlayingItem | undefined): string {
  if (!item) return 'something';
  const name = str(item.Name) ?? 'an item';
  if (typeof item.SeriesName === 'string' && item.SeriesName) {
    const season = typeof item.ParentIndexNumber === 'number' ? `S${pad(item.ParentIndexNumber)}` : '';
    const episode = typeof item.IndexNumber === 'number' ? `E${pad(item.IndexNumber)}` : '';
    const code = `${season}${episode}`;
    return `${item.SeriesName}${code ? ` ${code}` : ''} · ${name}`;
  }
  const artists = strings(item.Artists);
  if (artists.length > 0) return `${artists.join(', ')} – ${name}`;
  if (typeof item.ProductionYear === 'number') return `${name} (${item.ProductionYear})`;
  return name;
}
