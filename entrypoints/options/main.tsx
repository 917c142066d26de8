import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/theme.css';
import '@/components/options/options.css';

render(
  <OptionsApp homepage={browser.runtime.getManifest().homepage_url} />,
  document.getElementById('app')!,
);
