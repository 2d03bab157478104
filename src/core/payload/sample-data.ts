/**
 * Plausible companies, people and goods for samples. E-mail domains use the reserved `.example`
 * top-level domain (RFC 2606), so a sample never names a real mailbox.
 */
export interface Company {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  countryCodeIso2: string;
  countryName: string;
  domain: string;
}

export const BUYERS: readonly Company[] = [
  {
    name: 'Van Dijk Machinebouw B.V.',
    street: 'Industrieweg 12',
    postalCode: '3044 AS',
    city: 'Rotterdam',
    countryCodeIso2: 'NL',
    countryName: 'Netherlands',
    domain: 'vandijk-machinebouw.example',
  },
  {
    name: 'Nordwerk Anlagenbau GmbH',
    street: 'Hafenstraße 7',
    postalCode: '28217',
    city: 'Bremen',
    countryCodeIso2: 'DE',
    countryName: 'Germany',
    domain: 'nordwerk.example',
  },
  {
    name: 'Lindqvist Marine AB',
    street: 'Hamngatan 4',
    postalCode: '411 06',
    city: 'Göteborg',
    countryCodeIso2: 'SE',
    countryName: 'Sweden',
    domain: 'lindqvist-marine.example',
  },
];

export const SUPPLIERS: readonly Company[] = [
  {
    name: 'Precision Tubes Ltd',
    street: 'Unit 4, Riverside Park',
    postalCode: 'S9 1XH',
    city: 'Sheffield',
    countryCodeIso2: 'GB',
    countryName: 'United Kingdom',
    domain: 'precision-tubes.example',
  },
  {
    name: 'Fonderia Bassi S.p.A.',
    street: 'Via Emilia 221',
    postalCode: '40026',
    city: 'Imola',
    countryCodeIso2: 'IT',
    countryName: 'Italy',
    domain: 'fonderia-bassi.example',
  },
  {
    name: 'Kovo Components s.r.o.',
    street: 'Průmyslová 18',
    postalCode: '602 00',
    city: 'Brno',
    countryCodeIso2: 'CZ',
    countryName: 'Czechia',
    domain: 'kovo-components.example',
  },
];

export const FIRST_NAMES: readonly string[] = [
  'Anna',
  'Pieter',
  'Sofia',
  'Lars',
  'Marta',
  'Tomás',
  'Eva',
  'Jan',
];
export const LAST_NAMES: readonly string[] = [
  'de Vries',
  'Novak',
  'Rossi',
  'Berg',
  'Schmidt',
  'Jansen',
  'Kowalski',
];

export interface Goods {
  name: string;
  description: string;
  unit: string;
  /** The price is per this many units (priceUnitQuantity). */
  per: number;
  /** Net price range per `per` units, in the transaction currency. */
  price: readonly [number, number];
  /** Ordered quantity range. */
  quantity: readonly [number, number];
  decimals: number;
  combinedNomenclatureCode: string;
  netWeight: number;
  netWeightUnit: string;
}

export const GOODS: readonly Goods[] = [
  {
    name: 'Round tube ø60x4.5',
    description: 'Seamless steel tube ø60.3 x 4.5 mm, S355J2H, cut to 6 m',
    unit: 'MTR',
    per: 1,
    price: [18, 32],
    quantity: [120, 900],
    decimals: 2,
    combinedNomenclatureCode: '7304 39 98',
    netWeight: 6.19,
    netWeightUnit: 'KGM',
  },
  {
    name: 'Hex bolt M12x40 8.8',
    description: 'Hexagon head bolt DIN 933 M12 x 40, class 8.8, zinc plated',
    unit: 'PCE',
    per: 100,
    price: [14, 26],
    quantity: [500, 5000],
    decimals: 0,
    combinedNomenclatureCode: '7318 15 88',
    netWeight: 0.047,
    netWeightUnit: 'KGM',
  },
  {
    name: 'Ball bearing 6204-2RS',
    description: 'Deep groove ball bearing 6204-2RS, 20 x 47 x 14 mm, sealed',
    unit: 'PCE',
    per: 1,
    price: [3, 9],
    quantity: [50, 800],
    decimals: 0,
    combinedNomenclatureCode: '8482 10 10',
    netWeight: 0.106,
    netWeightUnit: 'KGM',
  },
];
