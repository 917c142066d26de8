import { render } from 'preact';
import { browser } from 'wxt/browser';
import { config } from 'zod';
import { OptionsApp } from '@/components/options/OptionsApp';
import { locale, t } from '@/components/options/strings';
import '@/components/theme.css';
import '@/components/card/records.css';
import '@/components/options/options.css';

// Extension pages forbid eval: Zod must not even probe for it (the probe is reported as a
// CSP violation). Set before the first parse.
config({ jitless: true });
document.documentElement.lang = locale;
document.title = t.title;
render(
  <OptionsApp homepage={browser.runtime.getManifest().homepage_url} />,
  document.getElementById('app')!,
);
