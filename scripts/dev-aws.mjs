// `npm run dev:aws`: the app plus a local DynamoDB (dynalite, in memory) on 127.0.0.1, so the
// connected mode can be tried without an AWS account. dynalite accepts any well-formed keys.
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';
import { listenNearby, startStaticServer } from './serve.mjs';

const dir = fileURLToPath(new URL('../build', import.meta.url));

const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
const dynamoPort = await listenNearby(
	(candidate) =>
		new Promise((resolve, reject) => {
			dynamo.once('error', reject);
			dynamo.listen(candidate, '127.0.0.1', () => {
				dynamo.off('error', reject);
				resolve();
			});
		}),
	Number(process.env.DYNALITE_PORT ?? 8000),
	'the local DynamoDB'
);
const port = await listenNearby(
	(candidate) => startStaticServer({ dir, port: candidate }),
	Number(process.env.PORT ?? 4173),
	'InvoiceLab'
);

console.log(`InvoiceLab at http://127.0.0.1:${port}/
Local DynamoDB (dynalite, data kept in memory) at http://127.0.0.1:${dynamoPort}

To connect:
  1. Settings → AWS → DynamoDB endpoint: http://127.0.0.1:${dynamoPort}
  2. Connect AWS, paste these example keys (dynalite does not check them), press Connect:
       aws_access_key_id=AKIAIOSFODNN7EXAMPLE
       aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  3. Create table.
Ctrl+C stops both.`);
