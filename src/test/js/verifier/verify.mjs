#!/usr/bin/env node
// An independent check of the portal's credentials: Digital Bazaar's Data Integrity libraries (not the
// portal's Java code) verify the eddsa-rdfc-2022 proof in JSON-LD safe mode, the issuer's authorisation of
// the key, the validity dates and the revocation bit in the issuer's Bitstring Status List credential,
// whose own proof is verified the same way.
//
//   node verify.mjs <credential.json> <issuer.json> <status-list.json> [--now 2027-01-01T00:00:00Z]
//
// issuer.json is the issuer profile published at the credential's issuer id (it lists the Multikey);
// status-list.json is the BitstringStatusListCredential published at credentialStatus.statusListCredential.
// Nothing is fetched from the network: the document loader serves only the contexts of installed packages,
// the Open Badges 3.0.3 context file and the two files given. Exit 0 valid, 1 invalid (with the reason),
// 2 usage or file error.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {named as credentialsContexts} from '@digitalbazaar/credentials-context';

const require = createRequire(import.meta.url);
const securityContext = require('@digitalbazaar/security-context');
const multikeyContext = require('@digitalbazaar/multikey-context');
const here = dirname(fileURLToPath(import.meta.url));

const OB_V3P0 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
// the Open Badges context is published by 1EdTech only (no package): the copy bundled with the portal,
// whose SHA-256 is recorded in src/main/resources/jsonld/README.md and checked below
const OB_V3P0_FILE = join(here, '..', '..', '..', 'main', 'resources', 'jsonld', 'ob-context-3.0.3.json');
const OB_V3P0_SHA256 = 'ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761';

const USAGE = 'usage: node verify.mjs <credential.json> <issuer.json> <status-list.json> [--now <date-time>]';

function readJson(file, what) {
  let text;
  try {
    text = readFileSync(file);
  } catch(e) {
    throw new UsageError(`cannot read ${what} ${file}: ${e.message}`);
  }
  try {
    return JSON.parse(text.toString('utf8'));
  } catch(e) {
    throw new Invalid(`${what} ${file} is not JSON: ${e.message}`);
  }
}

class UsageError extends Error {}
class Invalid extends Error {}

async function sha256(bytes) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

function parseArgs(argv) {
  const files = [];
  let now;
  for(let i = 0; i < argv.length; i++) {
    if(argv[i] === '--now') {
      now = argv[++i];
      if(!now || Number.isNaN(Date.parse(now))) {
        throw new UsageError('--now needs a date-time such as 2027-01-01T00:00:00Z');
      }
    } else if(argv[i].startsWith('--')) {
      throw new UsageError(`unexpected argument ${argv[i]}`);
    } else {
      files.push(argv[i]);
    }
  }
  if(files.length !== 3) {
    throw new UsageError('expected three files');
  }
  return {files, now};
}

/** A loader that serves only what is named here; every other URL is refused, so nothing is fetched. */
async function offlineLoader({issuer, statusList}) {
  const documents = new Map();
  documents.set(credentialsContexts.get('v2').id, credentialsContexts.get('v2').context);
  documents.set(multikeyContext.CONTEXT_URL, multikeyContext.CONTEXT);
  documents.set(securityContext.SECURITY_CONTEXT_V1_URL, securityContext.contexts.get(securityContext.SECURITY_CONTEXT_V1_URL));
  documents.set(securityContext.SECURITY_CONTEXT_V2_URL, securityContext.contexts.get(securityContext.SECURITY_CONTEXT_V2_URL));
  const ob = readFileSync(OB_V3P0_FILE);
  if(await sha256(ob) !== OB_V3P0_SHA256) {
    throw new UsageError(`${OB_V3P0_FILE} is not the published Open Badges 3.0.3 context`);
  }
  documents.set(OB_V3P0, JSON.parse(ob.toString('utf8')));

  // the issuer profile at its id, and each of its verification methods at its own id
  if(typeof issuer.id !== 'string') {
    throw new Invalid('issuer document has no id');
  }
  documents.set(issuer.id, issuer);
  for(const method of [].concat(issuer.verificationMethod ?? [])) {
    if(method && typeof method.id === 'string') {
      documents.set(method.id, {'@context': multikeyContext.CONTEXT_URL, ...method});
    }
  }
  if(typeof statusList.id === 'string') {
    documents.set(statusList.id, statusList);
  }
  return async url => {
    if(!documents.has(url)) {
      throw new Error(`${url} is not available offline (only bundled contexts, the issuer document and the ` +
        'status list credential are)');
    }
    return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
  };
}

function reason(error) {
  if(!error) {
    return 'unknown error';
  }
  const errors = [].concat(error.errors ?? error);
  return errors.map(e => {
    const details = e.details ? ` ${JSON.stringify(e.details)}` : '';
    const cause = e.cause && e.cause.message ? ` (cause: ${e.cause.message})` : '';
    return `${e.message}${details}${cause}`;
  }).join('; ');
}

async function verify({credential, issuer, statusList, now}) {
  const documentLoader = await offlineLoader({issuer, statusList});
  // safe mode: a term the contexts do not define, a relative IRI or anything else JSON-LD would drop
  // (and so leave unsigned) is an error, for the credential and for the status list credential
  for(const [what, document] of [['credential', credential], ['status list credential', statusList]]) {
    try {
      await jsonld.expand(document, {documentLoader, safe: true});
    } catch(e) {
      throw new Invalid(`${what} is not safe-mode JSON-LD: ${reason(e)}`);
    }
  }
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({
    credential, suite, documentLoader, now,
    checkStatus: options => checkStatus({...options, verifyBitstringStatusListCredential: true,
      verifyMatchingIssuers: true})
  });
  if(!result.verified) {
    const status = result.statusResult && !result.statusResult.verified ?
      ` status: ${reason(result.statusResult.error)}` : '';
    throw new Invalid(`${reason(result.error)}${status}`);
  }
  if(!result.statusResult) {
    throw new Invalid('credential has no credentialStatus to check');
  }
  const entries = result.statusResult.results ?? [];
  const revoked = entries.filter(entry => entry.credentialStatus.statusPurpose === 'revocation');
  if(revoked.length === 0) {
    throw new Invalid('credential has no revocation status entry');
  }
  for(const entry of revoked) {
    if(entry.status !== false) {
      throw new Invalid(`revoked: bit ${entry.credentialStatus.statusListIndex} is set in ` +
        `${entry.credentialStatus.statusListCredential}`);
    }
  }
  const method = result.results?.[0]?.proof?.verificationMethod;
  return `VALID: eddsa-rdfc-2022 proof by ${method}, not revoked (bit ` +
    `${revoked[0].credentialStatus.statusListIndex} of ${revoked[0].credentialStatus.statusListCredential})`;
}

async function main() {
  try {
    const {files: [credentialFile, issuerFile, statusFile], now} = parseArgs(process.argv.slice(2));
    const credential = readJson(credentialFile, 'credential');
    const issuer = readJson(issuerFile, 'issuer document');
    const statusList = readJson(statusFile, 'status list credential');
    console.log(await verify({credential, issuer, statusList, now}));
    return 0;
  } catch(e) {
    if(e instanceof UsageError) {
      console.log(`error: ${e.message}`);
      console.log(USAGE);
      return 2;
    }
    console.log(`INVALID: ${e instanceof Invalid ? e.message : reason(e)}`);
    return 1;
  }
}

process.exitCode = await main();
