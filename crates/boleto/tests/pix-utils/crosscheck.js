// Cross-check helper for crates/boleto/tests/pix.rs: reads one JSON request on stdin and
// answers with JSON on stdout, using the npm package pix-utils (an independent BR Code
// implementation). Install it with `npm install --prefix crates/boleto/tests/pix-utils`.
//
// Request: {"make": [ {static or dynamic params of pix-utils}, ... ], "parse": ["payload", ...]}
// Answer:  {"made": ["payload" | {"error": "..."}], "parsed": [{fields} | {"error": "..."}]}
'use strict';
const { createStaticPix, createDynamicPix, parsePix, hasError } = require('pix-utils');

function fields(p) {
  return {
    type: p.type,
    pixKey: p.pixKey ?? null,
    url: p.url ?? null,
    merchantName: p.merchantName,
    merchantCity: p.merchantCity,
    transactionAmount: p.transactionAmount ?? null,
    infoAdicional: p.infoAdicional ?? null,
    txid: p.txid ?? null,
  };
}

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const req = JSON.parse(input);
  const made = (req.make || []).map((params) => {
    const pix = params.url ? createDynamicPix(params) : createStaticPix(params);
    return hasError(pix) ? { error: pix.message || 'error' } : pix.toBRCode();
  });
  const parsed = (req.parse || []).map((code) => {
    const pix = parsePix(code);
    return hasError(pix) ? { error: pix.message || 'error' } : fields(pix);
  });
  process.stdout.write(JSON.stringify({ made, parsed }));
});
