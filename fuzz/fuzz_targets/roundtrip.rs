//! Bytes → lenient read; when a strict read succeeds, writing the raw records back gives the same bytes; and a
//! remessa read strictly, written again with `write_remessa`, reads back to the same titles.
#![no_main]

use cnab_core::write_raw;
use cnab_core::{read_remessa, read_with_envelope, CnabFile, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_with_envelope(data, ReadOptions::lenient());
    let Ok((file, env)) = read_with_envelope(data, ReadOptions::strict()) else {
        return;
    };
    let records = match &file {
        CnabFile::Retorno(r) => &r.records,
        CnabFile::Remessa(r) => &r.records,
    };
    assert_eq!(
        write_raw(&env.prefix, records, &env.suffix),
        data,
        "raw records do not write back byte for byte"
    );
    let CnabFile::Remessa(remessa) = file else {
        return;
    };
    let Some(bank) = remessa.bank else { return };
    let Ok(layout) = cnab_core::detect(data).map(|d| d.layout) else {
        return;
    };
    let Ok(bytes) = cnab_core::write_remessa(&remessa, bank, layout) else {
        return;
    };
    let again = match read_remessa(&bytes, ReadOptions::strict()) {
        Ok(r) => r,
        Err(e) => panic!("write_remessa output does not read strictly: {e}"),
    };
    // Compare what identifies and prices a title. Codes the writer fills with the layout's defaults when the model
    // has none (juros/multa codes, prazos) are not expected to survive; text is compared as the writer writes it
    // (upper-case ASCII, accents folded).
    let key = |t: &cnab_core::Titulo| {
        let f = |s: &str| cnab_core::to_bank_ascii(s).trim().to_string();
        let z = |s: &str| f(s).trim_start_matches('0').to_string();
        (
            z(&t.nosso_numero),
            f(&t.seu_numero),
            t.valor,
            t.vencimento,
            t.emissao,
            z(&t.pagador.inscricao.numero),
            f(&t.pagador.nome),
            // An empty movimento is written as the default "01" (entrada de títulos), as documented.
            Some(f(&t.movimento)).filter(|m| !m.is_empty()).unwrap_or_else(|| "01".to_string()),
        )
    };
    let a: Vec<_> = remessa.titulos.iter().map(key).collect();
    let b: Vec<_> = again.titulos.iter().map(key).collect();
    assert_eq!(a, b, "titles change through write_remessa → read_remessa");
});
