// A build for this computer (`npm start`, `npm run dev:aws`, tests): the deploy build plus
// loopback endpoints (DynamoDB Local, dynalite, test fakes) in the page's connect-src.
// Deploy only what `npm run build` makes.
import { build } from 'vite';

process.env.INVOICELAB_LOCAL_BUILD = '1';
await build({ logLevel: 'warn' });
