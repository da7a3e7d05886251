/**
 * UBL 2.1 Invoice and CreditNote (Peppol BIS Billing 3.0, XRechnung UBL) read into an
 * EInvoiceDocument. Paths follow the EN 16931 UBL binding.
 */
import {
	CREDIT_NOTE_CODES,
	exemptions,
	lineName,
	type AllowanceCharge,
	type EInvoiceDocument
} from './read-model';
import { all, first, text, texts, type XmlElement } from './read-xml';

function allowanceCharges(parent: XmlElement | undefined): AllowanceCharge[] {
	return all(parent, 'cac:AllowanceCharge').map((el) => ({
		charge: text(el, 'cbc:ChargeIndicator') === 'true',
		amount: text(el, 'cbc:Amount'),
		percent: text(el, 'cbc:MultiplierFactorNumeric'),
		reason: text(el, 'cbc:AllowanceChargeReason'),
		taxRate: text(el, 'cac:TaxCategory/cbc:Percent'),
		taxCategory: text(el, 'cac:TaxCategory/cbc:ID')
	}));
}

/** A party's trading name (BT-28, BT-45), else its legal name (BT-27, BT-44). */
const partyName = (party: XmlElement | undefined) =>
	text(party, 'cac:Party/cac:PartyName/cbc:Name') ??
	text(party, 'cac:Party/cac:PartyLegalEntity/cbc:RegistrationName');

export function readUbl(root: XmlElement, creditNote: boolean): EInvoiceDocument {
	const kind = creditNote ? 'CreditNote' : 'Invoice';
	const quantity = creditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
	const sums = first(root, 'cac:LegalMonetaryTotal');
	const currency = text(root, 'cbc:DocumentCurrencyCode');
	const taxTotal = all(root, 'cac:TaxTotal/cbc:TaxAmount').find(
		(el) => el.getAttribute('currencyID') === currency
	);
	const typeCode = text(root, `cbc:${kind}TypeCode`);
	return {
		syntax: 'UBL',
		typeCode,
		creditNote: creditNote || (typeCode !== undefined && CREDIT_NOTE_CODES.has(typeCode)),
		number: text(root, 'cbc:ID'),
		issueDate: text(root, 'cbc:IssueDate'),
		// A UBL credit note has no DueDate of its own: EN 16931 puts BT-9 in its payment means.
		dueDate: text(root, 'cbc:DueDate') ?? text(root, 'cac:PaymentMeans/cbc:PaymentDueDate'),
		currency,
		seller: partyName(first(root, 'cac:AccountingSupplierParty')),
		buyer: partyName(first(root, 'cac:AccountingCustomerParty')),
		buyerReference: text(root, 'cbc:BuyerReference'),
		exemptions: exemptions(
			all(root, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory'),
			'cbc:ID',
			'cbc:TaxExemptionReason'
		),
		notes: [...texts(root, 'cbc:Note'), ...texts(root, 'cac:PaymentTerms/cbc:Note')],
		lines: all(root, `cac:${kind}Line`).map((line) => {
			const item = first(line, 'cac:Item');
			return {
				name: lineName(text(item, 'cbc:Name'), text(item, 'cbc:Description')),
				quantity: text(line, quantity),
				unitCode: first(line, quantity)?.getAttribute('unitCode') ?? undefined,
				price: text(line, 'cac:Price/cbc:PriceAmount'),
				baseQuantity: text(line, 'cac:Price/cbc:BaseQuantity'),
				net: text(line, 'cbc:LineExtensionAmount'),
				taxRate: text(item, 'cac:ClassifiedTaxCategory/cbc:Percent'),
				taxCategory: text(item, 'cac:ClassifiedTaxCategory/cbc:ID'),
				allowanceCharges: allowanceCharges(line)
			};
		}),
		allowanceCharges: allowanceCharges(root),
		totals: {
			taxBasis: text(sums, 'cbc:TaxExclusiveAmount'),
			tax: taxTotal?.textContent?.trim(),
			grandTotal: text(sums, 'cbc:TaxInclusiveAmount')
		}
	};
}
