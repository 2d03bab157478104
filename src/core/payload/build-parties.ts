import type { Json } from './build-values.js';
import type { Actor, OrderContext } from './order-context.js';

/** A legal entity (§4.5): GLN, name and address. */
export function buildParty(actor: Actor): Json {
  const c = actor.company;
  return {
    id: actor.gln,
    idScheme: 'GLN',
    names: [c.name],
    addressLines: [c.street],
    postalCode: c.postalCode,
    city: c.city,
    countryCodeIso2: c.countryCodeIso2,
    countryName: c.countryName,
  };
}

/** An order contact (§4.6): the Tradecloud user responsible. */
export function buildContact(actor: Actor): Json {
  return { email: actor.email, userId: actor.userId };
}

/** A shipment contact (§4.6) carries the person's details too. */
export function buildShipmentContact(actor: Actor, position: string): Json {
  return {
    userId: actor.userId,
    email: actor.email,
    firstName: actor.firstName,
    lastName: actor.lastName,
    position,
    phoneNumber: actor.phoneNumber,
  };
}

/** Message meta (§4.1): a fresh message id and the flow started by the acting party. */
export function buildMessageMeta(ctx: OrderContext, by: 'buyer' | 'supplier'): Json {
  const actor = by === 'buyer' ? ctx.buyer : ctx.supplier;
  return {
    messageId: ctx.rng.uuid(),
    source: { traceId: ctx.rng.uuid(), userId: actor.userId, companyId: actor.companyId },
    createdDateTime: ctx.now.toISOString(),
  };
}

export interface DocumentInput {
  code: string;
  name: string;
  description: string;
  type: string;
  /** Where the file lives: Tradecloud object storage (the usual case) or the party's own server. */
  storage: 'object' | 'url';
  domain?: string;
}

/** Document metadata (§4.4): the file itself is never embedded, only its objectId or url. */
export function buildDocument(ctx: OrderContext, input: DocumentInput): Json {
  const location =
    input.storage === 'object'
      ? { objectId: ctx.rng.uuid() }
      : { url: `https://files.${input.domain ?? 'example.com'}/documents/${input.code}.pdf` };
  return {
    code: input.code,
    revision: ctx.rng.pick(['1', '2', 'A', 'B']),
    name: input.name,
    description: input.description,
    type: input.type,
    ...location,
  };
}
