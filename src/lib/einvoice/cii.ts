/**
 * The model (model.ts) in UN/CEFACT Cross Industry Invoice D16B: the XML of Factur-X / ZUGFeRD
 * (profile EN 16931) and of XRechnung's CII syntax. Elements follow the D16B schema's order.
 * Pure.
 */
import { scaledToString } from '../invoice/money';
import type { EGroup, EInvoice, ELine, EParty } from './model';
import { leaf, node, root } from './xml';

export const FACTUR_X_GUIDELINE = 'urn:cen.eu:en16931:2017';
export const XRECHNUNG_GUIDELINE =
	'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
/** The Peppol billing process, which XRechnung 3 asks for (BT-23). */
export const BILLING_PROCESS = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NAMESPACES = {
	'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
	'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
	'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
	'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100'
};

const date = (name: string, iso: string, type: 'udt' | 'qdt' = 'udt') =>
	node(name, leaf(`${type}:DateTimeString`, iso.replaceAll('-', ''), { format: '102' }));

export function ciiXml(
	model: EInvoice,
	minorDigits: number,
	options: { guideline: string; process?: string }
): string {
	const amount = (minor: number) => scaledToString(minor, minorDigits);
	const { seller, buyer, totals } = model;
	const tax = (category: string, rate: number | undefined) =>
		node(
			'ram:ApplicableTradeTax',
			leaf('ram:TypeCode', 'VAT'),
			leaf('ram:CategoryCode', category),
			rate !== undefined && leaf('ram:RateApplicablePercent', String(rate))
		);
	const discount = (value: number, category?: EGroup) =>
		node(
			'ram:SpecifiedTradeAllowanceCharge',
			node('ram:ChargeIndicator', leaf('udt:Indicator', 'false')),
			leaf('ram:ActualAmount', amount(value)),
			leaf('ram:ReasonCode', '95'),
			leaf('ram:Reason', 'Discount'),
			category &&
				node(
					'ram:CategoryTradeTax',
					leaf('ram:TypeCode', 'VAT'),
					leaf('ram:CategoryCode', category.category),
					category.rate !== undefined && leaf('ram:RateApplicablePercent', String(category.rate))
				)
		);
	const line = (l: ELine) =>
		node(
			'ram:IncludedSupplyChainTradeLineItem',
			node('ram:AssociatedDocumentLineDocument', leaf('ram:LineID', l.id)),
			node('ram:SpecifiedTradeProduct', leaf('ram:Name', l.name)),
			node(
				'ram:SpecifiedLineTradeAgreement',
				node('ram:NetPriceProductTradePrice', leaf('ram:ChargeAmount', l.price))
			),
			node(
				'ram:SpecifiedLineTradeDelivery',
				leaf('ram:BilledQuantity', l.quantity, { unitCode: l.unitCode })
			),
			node(
				'ram:SpecifiedLineTradeSettlement',
				tax(l.category, l.rate),
				l.allowance !== 0 && discount(l.allowance),
				node(
					'ram:SpecifiedTradeSettlementLineMonetarySummation',
					leaf('ram:LineTotalAmount', amount(l.net))
				)
			)
		);
	const group = (g: EGroup) =>
		node(
			'ram:ApplicableTradeTax',
			leaf('ram:CalculatedAmount', amount(g.tax)),
			leaf('ram:TypeCode', 'VAT'),
			leaf('ram:ExemptionReason', g.exemption),
			leaf('ram:BasisAmount', amount(g.base)),
			leaf('ram:CategoryCode', g.category),
			leaf('ram:ExemptionReasonCode', g.exemptionCode),
			g.rate !== undefined && leaf('ram:RateApplicablePercent', String(g.rate))
		);
	const delivery = model.delivery
		? node(
				'ram:ApplicableHeaderTradeDelivery',
				node(
					'ram:ShipToTradeParty',
					node('ram:PostalTradeAddress', leaf('ram:CountryID', model.delivery.country))
				),
				node(
					'ram:ActualDeliverySupplyChainEvent',
					date('ram:OccurrenceDateTime', model.delivery.date)
				)
			)
		: // The schema wants the element even when there is nothing to say about delivery.
			'<ram:ApplicableHeaderTradeDelivery/>\n';

	return root(
		'rsm:CrossIndustryInvoice',
		NAMESPACES,
		node(
			'rsm:ExchangedDocumentContext',
			node('ram:BusinessProcessSpecifiedDocumentContextParameter', leaf('ram:ID', options.process)),
			node('ram:GuidelineSpecifiedDocumentContextParameter', leaf('ram:ID', options.guideline))
		),
		node(
			'rsm:ExchangedDocument',
			leaf('ram:ID', model.number),
			leaf('ram:TypeCode', model.typeCode),
			date('ram:IssueDateTime', model.issueDate),
			node('ram:IncludedNote', leaf('ram:Content', model.note))
		),
		node(
			'rsm:SupplyChainTradeTransaction',
			...model.lines.map(line),
			node(
				'ram:ApplicableHeaderTradeAgreement',
				leaf('ram:BuyerReference', model.buyerReference),
				party('ram:SellerTradeParty', seller, true),
				party('ram:BuyerTradeParty', buyer, false),
				node('ram:BuyerOrderReferencedDocument', leaf('ram:IssuerAssignedID', model.orderReference))
			),
			delivery,
			node(
				'ram:ApplicableHeaderTradeSettlement',
				model.payment?.iban && leaf('ram:PaymentReference', model.number),
				leaf('ram:InvoiceCurrencyCode', model.currency),
				model.payment &&
					node(
						'ram:SpecifiedTradeSettlementPaymentMeans',
						leaf('ram:TypeCode', model.payment.code),
						node('ram:PayeePartyCreditorFinancialAccount', leaf('ram:IBANID', model.payment.iban)),
						node(
							'ram:PayeeSpecifiedCreditorFinancialInstitution',
							leaf('ram:BICID', model.payment.bic)
						)
					),
				...model.groups.map(group),
				...model.groups.filter((g) => g.allowance !== 0).map((g) => discount(g.allowance, g)),
				node(
					'ram:SpecifiedTradePaymentTerms',
					leaf('ram:Description', model.paymentTerms),
					model.dueDate && date('ram:DueDateDateTime', model.dueDate)
				),
				node(
					'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
					leaf('ram:LineTotalAmount', amount(totals.lines)),
					totals.allowances !== 0 && leaf('ram:AllowanceTotalAmount', amount(totals.allowances)),
					leaf('ram:TaxBasisTotalAmount', amount(totals.taxBasis)),
					leaf('ram:TaxTotalAmount', amount(totals.tax), { currencyID: model.currency }),
					leaf('ram:GrandTotalAmount', amount(totals.grand)),
					leaf('ram:DuePayableAmount', amount(totals.due))
				),
				model.preceding &&
					node(
						'ram:InvoiceReferencedDocument',
						leaf('ram:IssuerAssignedID', model.preceding.number),
						date('ram:FormattedIssueDateTime', model.preceding.issueDate, 'qdt')
					)
			)
		)
	);
}

function party(name: string, p: EParty, seller: boolean): string {
	const contact = seller && (p.phone || p.email);
	return node(
		name,
		leaf('ram:ID', p.id),
		leaf('ram:Name', p.name),
		contact &&
			node(
				'ram:DefinedTradeContact',
				leaf('ram:PersonName', p.name),
				node('ram:TelephoneUniversalCommunication', leaf('ram:CompleteNumber', p.phone)),
				node('ram:EmailURIUniversalCommunication', leaf('ram:URIID', p.email))
			),
		node(
			'ram:PostalTradeAddress',
			leaf('ram:PostcodeCode', p.postcode),
			leaf('ram:LineOne', p.street),
			leaf('ram:CityName', p.city),
			leaf('ram:CountryID', p.country)
		),
		p.endpoint &&
			node(
				'ram:URIUniversalCommunication',
				leaf('ram:URIID', p.endpoint.id, { schemeID: p.endpoint.scheme })
			),
		p.vatId && node('ram:SpecifiedTaxRegistration', leaf('ram:ID', p.vatId, { schemeID: 'VA' })),
		p.taxNumber &&
			node('ram:SpecifiedTaxRegistration', leaf('ram:ID', p.taxNumber, { schemeID: 'FC' }))
	);
}
