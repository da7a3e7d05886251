/**
 * UN/CEFACT Cross Industry Invoice (D16B), the XML of Factur-X, ZUGFeRD 2 and XRechnung CII,
 * read into an EInvoiceDocument. Paths follow the EN 16931 CII binding.
 */
import {
	CREDIT_NOTE_CODES,
	exemptions,
	lineName,
	type AllowanceCharge,
	type EInvoiceDocument
} from './read-model';
import { all, first, text, texts, type XmlElement } from './read-xml';

const QUANTITY = 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity';

/** Format 102 (CCYYMMDD), the only one EN 16931 allows, as YYYY-MM-DD. */
function date(parent: XmlElement | undefined, path: string): string | undefined {
	const value = text(parent, `${path}/udt:DateTimeString`);
	const match = value && /^(\d{4})(\d{2})(\d{2})$/.exec(value);
	return match ? `${match[1]}-${match[2]}-${match[3]}` : value;
}

function allowanceCharges(parent: XmlElement | undefined): AllowanceCharge[] {
	return all(parent, 'ram:SpecifiedTradeAllowanceCharge').map((el) => ({
		charge: text(el, 'ram:ChargeIndicator/udt:Indicator') === 'true',
		amount: text(el, 'ram:ActualAmount'),
		percent: text(el, 'ram:CalculationPercent'),
		reason: text(el, 'ram:Reason'),
		taxRate: text(el, 'ram:CategoryTradeTax/ram:RateApplicablePercent'),
		taxCategory: text(el, 'ram:CategoryTradeTax/ram:CategoryCode')
	}));
}

export function readCii(root: XmlElement): EInvoiceDocument {
	const doc = first(root, 'rsm:ExchangedDocument');
	const trade = first(root, 'rsm:SupplyChainTradeTransaction');
	const agreement = first(trade, 'ram:ApplicableHeaderTradeAgreement');
	const settlement = first(trade, 'ram:ApplicableHeaderTradeSettlement');
	const sums = first(settlement, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
	const currency = text(settlement, 'ram:InvoiceCurrencyCode');
	// The tax total may be given twice, in the invoice and in the accounting currency (BT-111).
	const taxTotal = all(sums, 'ram:TaxTotalAmount').find((el) => {
		const of = el.getAttribute('currencyID');
		return !of || of === currency;
	});
	const typeCode = text(doc, 'ram:TypeCode');
	return {
		syntax: 'CII',
		typeCode,
		creditNote: typeCode !== undefined && CREDIT_NOTE_CODES.has(typeCode),
		number: text(doc, 'ram:ID'),
		issueDate: date(doc, 'ram:IssueDateTime'),
		dueDate: date(settlement, 'ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime'),
		currency,
		seller: text(agreement, 'ram:SellerTradeParty/ram:Name'),
		buyer: text(agreement, 'ram:BuyerTradeParty/ram:Name'),
		buyerReference: text(agreement, 'ram:BuyerReference'),
		exemptions: exemptions(
			all(settlement, 'ram:ApplicableTradeTax'),
			'ram:CategoryCode',
			'ram:ExemptionReason'
		),
		notes: [
			...texts(doc, 'ram:IncludedNote/ram:Content'),
			...texts(settlement, 'ram:SpecifiedTradePaymentTerms/ram:Description')
		],
		lines: all(trade, 'ram:IncludedSupplyChainTradeLineItem').map((item) => {
			const product = first(item, 'ram:SpecifiedTradeProduct');
			const price = first(item, 'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice');
			const line = first(item, 'ram:SpecifiedLineTradeSettlement');
			return {
				name: lineName(text(product, 'ram:Name'), text(product, 'ram:Description')),
				quantity: text(item, QUANTITY),
				unitCode: first(item, QUANTITY)?.getAttribute('unitCode') ?? undefined,
				price: text(price, 'ram:ChargeAmount'),
				baseQuantity: text(price, 'ram:BasisQuantity'),
				net: text(line, 'ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount'),
				taxRate: text(line, 'ram:ApplicableTradeTax/ram:RateApplicablePercent'),
				taxCategory: text(line, 'ram:ApplicableTradeTax/ram:CategoryCode'),
				allowanceCharges: allowanceCharges(line)
			};
		}),
		allowanceCharges: allowanceCharges(settlement),
		totals: {
			taxBasis: text(sums, 'ram:TaxBasisTotalAmount'),
			tax: taxTotal?.textContent?.trim(),
			grandTotal: text(sums, 'ram:GrandTotalAmount')
		}
	};
}
