//! `cargo run -p boleto-print --example render -- INPUT.json OUT.pdf [OUT.html]`
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t = boleto_print::from_json(&std::fs::read_to_string(&a[1]).unwrap()).unwrap();
    std::fs::write(&a[2], boleto_print::pdf(&t).unwrap()).unwrap();
    if let Some(h) = a.get(3) {
        std::fs::write(h, boleto_print::html(&t).unwrap()).unwrap();
    }
}
