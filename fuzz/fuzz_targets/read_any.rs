//! Any bytes: detect, read strictly and leniently (whole file and as retorno/remessa), and stream with
//! `RetornoReader`. Nothing may panic, and the streaming reader must end.
#![no_main]

use cnab_core::{detect, read, read_remessa, read_retorno, ReadOptions, RetornoReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = detect(data);
    for opts in [ReadOptions::strict(), ReadOptions::lenient()] {
        if let Ok(file) = read(data, opts) {
            // Serializing walks every field of every raw record (decode on demand).
            let _ = serde_json::to_vec(&file);
        }
        let _ = read_retorno(data, opts);
        let _ = read_remessa(data, opts);
        if let Ok(reader) = RetornoReader::new(std::io::BufReader::with_capacity(64, data), opts) {
            // One entry needs at least one line: more items than lines + 1 means a loop.
            let limit = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 2;
            let mut n = 0usize;
            for _item in reader {
                n += 1;
                assert!(
                    n <= limit,
                    "RetornoReader yielded more items than the input has lines"
                );
            }
        }
    }
});
