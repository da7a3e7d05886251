/**
 * The model (model.ts) in UBL 2.1, Peppol BIS Billing 3.0: an Invoice, or a CreditNote (type
 * 381, positive amounts). Elements follow the UBL schema's order. Pure.
 */
import { scaledToString } from '../invoice/money';
import type { EGroup, EInvoice, ELine, EParty } from './model';
import { leaf, node, root } from './xml';
import { BILLING_PROCESS } from './cii';

export const PEPPOL_CUSTOMIZATION =
	'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';

const NAMESPACES = {
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
};

export function ublXml(model: EInvoice, minorDigits: number): string {
	const credit = model.typeCode === '381';
	const kind = credit ? 'CreditNote' : 'Invoice';
	const money = (name: string, minor: number) =>
		leaf(name, scaledToString(minor, minorDigits), { currencyID: model.currency });
	const category = (name: string, c: { category: string; rate?: number }, group?: EGroup) =>
		node(
			name,
			leaf('cbc:ID', c.category),
			c.rate !== undefined && leaf('cbc:Percent', String(c.rate)),
			leaf('cbc:TaxExemptionReasonCode', group?.exemptionCode),
			leaf('cbc:TaxExemptionReason', group?.exemption),
			node('cac:TaxScheme', leaf('cbc:ID', 'VAT'))
		);
	const discount = (minor: number, group?: EGroup) =>
		node(
			'cac:AllowanceCharge',
			leaf('cbc:ChargeIndicator', 'false'),
			leaf('cbc:AllowanceChargeReasonCode', '95'),
			leaf('cbc:AllowanceChargeReason', 'Discount'),
			money('cbc:Amount', minor),
			group && category('cac:TaxCategory', group)
		);
	const line = (l: ELine) =>
		node(
			`cac:${kind}Line`,
			leaf('cbc:ID', l.id),
			leaf(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.quantity, {
				unitCode: l.unitCode
			}),
			money('cbc:LineExtensionAmount', l.net),
			l.allowance !== 0 && discount(l.allowance),
			node('cac:Item', leaf('cbc:Name', l.name), category('cac:ClassifiedTaxCategory', l)),
			node('cac:Price', leaf('cbc:PriceAmount', l.price, { currencyID: model.currency }))
		);
	const { totals } = model;
	return root(
		kind,
		{
			xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${kind}-2`,
			'xmlns:cac': NAMESPACES.cac,
			'xmlns:cbc': NAMESPACES.cbc
		},
		leaf('cbc:CustomizationID', PEPPOL_CUSTOMIZATION),
		leaf('cbc:ProfileID', BILLING_PROCESS),
		leaf('cbc:ID', model.number),
		leaf('cbc:IssueDate', model.issueDate),
		leaf('cbc:DueDate', credit ? undefined : model.dueDate),
		leaf(`cbc:${kind}TypeCode`, model.typeCode),
		leaf('cbc:Note', model.note),
		leaf('cbc:DocumentCurrencyCode', model.currency),
		leaf('cbc:BuyerReference', model.buyerReference),
		node('cac:OrderReference', leaf('cbc:ID', model.orderReference)),
		model.preceding &&
			node(
				'cac:BillingReference',
				node(
					'cac:InvoiceDocumentReference',
					leaf('cbc:ID', model.preceding.number),
					leaf('cbc:IssueDate', model.preceding.issueDate)
				)
			),
		node('cac:AccountingSupplierParty', party(model.seller, true)),
		node('cac:AccountingCustomerParty', party(model.buyer, false)),
		model.delivery &&
			node(
				'cac:Delivery',
				leaf('cbc:ActualDeliveryDate', model.delivery.date),
				node(
					'cac:DeliveryLocation',
					node(
						'cac:Address',
						node('cac:Country', leaf('cbc:IdentificationCode', model.delivery.country))
					)
				)
			),
		model.payment &&
			node(
				'cac:PaymentMeans',
				leaf('cbc:PaymentMeansCode', model.payment.code),
				model.payment.iban && leaf('cbc:PaymentID', model.number),
				node(
					'cac:PayeeFinancialAccount',
					leaf('cbc:ID', model.payment.iban),
					node('cac:FinancialInstitutionBranch', leaf('cbc:ID', model.payment.bic))
				)
			),
		node('cac:PaymentTerms', leaf('cbc:Note', model.paymentTerms)),
		...model.groups.filter((g) => g.allowance !== 0).map((g) => discount(g.allowance, g)),
		node(
			'cac:TaxTotal',
			money('cbc:TaxAmount', totals.tax),
			...model.groups.map((g) =>
				node(
					'cac:TaxSubtotal',
					money('cbc:TaxableAmount', g.base),
					money('cbc:TaxAmount', g.tax),
					category('cac:TaxCategory', g, g)
				)
			)
		),
		node(
			'cac:LegalMonetaryTotal',
			money('cbc:LineExtensionAmount', totals.lines),
			money('cbc:TaxExclusiveAmount', totals.taxBasis),
			money('cbc:TaxInclusiveAmount', totals.grand),
			totals.allowances !== 0 && money('cbc:AllowanceTotalAmount', totals.allowances),
			money('cbc:PayableAmount', totals.due)
		),
		...model.lines.map(line)
	);
}

function party(p: EParty, seller: boolean): string {
	const contact = seller && (p.phone || p.email);
	return node(
		'cac:Party',
		p.endpoint && leaf('cbc:EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme }),
		node('cac:PartyIdentification', leaf('cbc:ID', p.id)),
		node('cac:PartyName', leaf('cbc:Name', p.name)),
		node(
			'cac:PostalAddress',
			leaf('cbc:StreetName', p.street),
			leaf('cbc:CityName', p.city),
			leaf('cbc:PostalZone', p.postcode),
			node('cac:Country', leaf('cbc:IdentificationCode', p.country))
		),
		p.vatId &&
			node(
				'cac:PartyTaxScheme',
				leaf('cbc:CompanyID', p.vatId),
				node('cac:TaxScheme', leaf('cbc:ID', 'VAT'))
			),
		p.taxNumber &&
			node(
				'cac:PartyTaxScheme',
				leaf('cbc:CompanyID', p.taxNumber),
				node('cac:TaxScheme', leaf('cbc:ID', 'FC'))
			),
		node('cac:PartyLegalEntity', leaf('cbc:RegistrationName', p.name)),
		contact &&
			node(
				'cac:Contact',
				leaf('cbc:Name', p.name),
				leaf('cbc:Telephone', p.phone),
				leaf('cbc:ElectronicMail', p.email)
			)
	);
}
