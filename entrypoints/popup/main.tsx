import { render } from 'preact';
import { config } from 'zod';
import { PopupApp } from '@/components/PopupApp';
import { browserLocale } from '@/components/locale';
import { POPUP_STRINGS } from '@/components/popupStrings';
import '@/components/theme.css';

// Extension pages forbid eval: Zod must not even probe for it (the settings schemas are
// classic Zod). Set before the first parse.
config({ jitless: true });
const locale = browserLocale();
document.documentElement.lang = locale;
document.title = POPUP_STRINGS[locale].title;
render(<PopupApp locale={locale} />, document.getElementById('app')!);
