use cnab_core::{read, CnabFile, ReadOptions};
#[test]
fn scratch() {
    let dirs = std::env::var("H400C_DIRS").unwrap_or_default();
    for d in dirs.split(',') {
        let dir = format!("../../../shared/corpus/real/{d}");
        let Ok(rd) = std::fs::read_dir(&dir) else { println!("no {dir}"); continue };
        for e in rd.flatten() {
            let p = e.path();
            let b = std::fs::read(&p).unwrap();
            println!("=== {}", p.display());
            match read(&b, ReadOptions::strict()) {
                Ok(_) => println!("STRICT OK"),
                Err(e) => println!("strict: {e}"),
            }
            match read(&b, ReadOptions::lenient()) {
                Ok(CnabFile::Retorno(r)) => {
                    for p in &r.problems { println!("  problem: {p}"); }
                    for e in r.entries.iter().take(3) { println!("  {}", serde_json::to_string(e).unwrap()); }
                }
                Ok(CnabFile::Remessa(r)) => {
                    for p in &r.problems { println!("  problem: {p}"); }
                    for t in r.titulos.iter().take(2) { println!("  {}", serde_json::to_string(t).unwrap()); }
                }
                Err(e) => println!("lenient: {e}"),
            }
        }
    }
}
