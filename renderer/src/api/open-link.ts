import { herald } from './herald';

/** Links go through the host, which refuses anything but http(s); serve leaves the opening to this tab. */
export async function openLink(url: string): Promise<void> {
  const result = await herald().openUrl({ url });
  if (!result.openedByHost) window.open(result.url, '_blank', 'noopener,noreferrer');
}
