export { classifyAddress, parseIpLiteral, type AddressClass, type AddressClassification } from './classify.js';
export { classifyHostName } from './host-names.js';
export { isExempt, isTrustedOrigin, type SsrfOptions } from './options.js';
export { checkUrlTarget, checkResolvedAddress, type UrlSource } from './check-url.js';
export { ssrfRefusal, ssrfRefusalOf } from './refusal.js';
export { createSsrfDispatcher, guardedLookup, type ConnectionFacts, type ResolveAll, type SsrfDispatcher, type SsrfDispatcherOptions } from './dispatcher.js';
export { followRedirects, DEFAULT_MAX_REDIRECTS, type RedirectOptions } from './redirects.js';
