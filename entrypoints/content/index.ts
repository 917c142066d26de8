import { defineContentScript } from 'wxt/utils/define-content-script';
import { runGuarded } from '@/lib/page/guard';
import { startPageScan } from './scan';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    runGuarded('start', () => startPageScan(ctx));
  },
});
