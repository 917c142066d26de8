import { useCallback, useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, watchSettings, type Settings } from '@/lib/settings';
import { errorText } from './ui';

export interface SettingsState {
  settings: Settings | null;
  /** The last write's error, in plain words. */
  error: string | null;
  /** Resolves to null when stored, or to the reason it was not. */
  update: (change: Partial<Settings> | ((s: Settings) => Settings)) => Promise<string | null>;
}

/** The stored settings, kept current when another page or device changes them. */
export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void getSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((next) => live && setSettings(next));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const update = useCallback(async (change: Parameters<SettingsState['update']>[0]) => {
    try {
      setSettings(await updateSettings(change));
      setError(null);
      return null;
    } catch (e) {
      const message = errorText(e);
      setError(message);
      return message;
    }
  }, []);
  return { settings, error, update };
}
