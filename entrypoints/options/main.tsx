import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { locale, t } from '@/components/options/strings';
import '@/components/theme.css';
import '@/components/options/options.css';

document.documentElement.lang = locale;
document.title = t.title;
render(
  <OptionsApp homepage={browser.runtime.getManifest().homepage_url} />,
  document.getElementById('app')!,
);
