//! valor_devido: the examples, business days, rounding.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
use baixa::{
    is_business_day, next_business_day, valor_devido, Desconto, DescontoTipo, Juros, JurosTipo,
    Multa, MultaTipo, Titulo,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}
fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn title(venc: NaiveDate) -> Titulo {
    let mut t = Titulo::new("NF-1", 341, "12345678", dec("1000.00"), venc);
    t.multa = Some(Multa {
        tipo: MultaTipo::Percentual,
        valor: dec("2"),
        desde: None,
    });
    t.juros = Some(Juros {
        tipo: JurosTipo::PercentualMes,
        valor: dec("1"),
        desde: None,
    });
    t
}

#[test]
fn late_payment_multa_and_pro_rata_juros() {
    let b = valor_devido(&title(d(2026, 3, 10)), d(2026, 3, 25));
    assert_eq!(b.multa, dec("20.00"));
    assert_eq!(b.juros, dec("5.00")); // 15 days × 1000 × 1% / 30
    assert_eq!(b.total, dec("1025.00"));
    assert_eq!(b.dias_atraso, 15);
    assert_eq!(b.desconto, Decimal::ZERO);
}

#[test]
fn due_on_saturday_paid_next_monday_has_no_charges() {
    // 2026-03-14 is a Saturday
    let b = valor_devido(&title(d(2026, 3, 14)), d(2026, 3, 16));
    assert_eq!(b.total, dec("1000.00"));
    assert_eq!(b.dias_atraso, 0);
    // Tuesday is late: 3 days from the due date
    let b = valor_devido(&title(d(2026, 3, 14)), d(2026, 3, 17));
    assert_eq!(b.dias_atraso, 3);
    assert_eq!(b.juros, dec("1.00"));
    assert_eq!(b.total, dec("1021.00"));
}

#[test]
fn due_before_carnaval_paid_on_ash_wednesday() {
    // 2026: Carnaval 16-17 Feb; due Saturday 14 Feb, next business day Wednesday 18
    assert_eq!(next_business_day(d(2026, 2, 14)), d(2026, 2, 18));
    assert_eq!(
        valor_devido(&title(d(2026, 2, 14)), d(2026, 2, 18)).total,
        dec("1000.00")
    );
    // Tiradentes 2026 is a Tuesday; Corpus Christi 2026-06-04; Consciência Negra from 2024
    assert!(!is_business_day(d(2026, 4, 21)));
    assert!(!is_business_day(d(2026, 6, 4)));
    assert!(!is_business_day(d(2025, 11, 20)));
    assert!(is_business_day(d(2023, 11, 20)));
}

#[test]
fn desconto_until_a_date() {
    let mut t = title(d(2026, 3, 10));
    t.descontos.push(Desconto {
        tipo: DescontoTipo::Valor,
        valor: dec("50.00"),
        ate: Some(d(2026, 3, 5)),
    });
    assert_eq!(valor_devido(&t, d(2026, 3, 1)).total, dec("950.00"));
    assert_eq!(valor_devido(&t, d(2026, 3, 5)).total, dec("950.00"));
    assert_eq!(valor_devido(&t, d(2026, 3, 6)).total, dec("1000.00"));
}

#[test]
fn three_descontos_the_earliest_valid_applies() {
    let mut t = title(d(2026, 3, 10));
    t.descontos = vec![
        Desconto {
            tipo: DescontoTipo::Percentual,
            valor: dec("10"),
            ate: Some(d(2026, 3, 1)),
        },
        Desconto {
            tipo: DescontoTipo::Percentual,
            valor: dec("5"),
            ate: Some(d(2026, 3, 5)),
        },
        Desconto {
            tipo: DescontoTipo::Valor,
            valor: dec("10.00"),
            ate: None,
        },
    ];
    assert_eq!(valor_devido(&t, d(2026, 2, 20)).desconto, dec("100.00"));
    assert_eq!(valor_devido(&t, d(2026, 3, 3)).desconto, dec("50.00"));
    assert_eq!(valor_devido(&t, d(2026, 3, 10)).desconto, dec("10.00"));
    assert_eq!(valor_devido(&t, d(2026, 3, 11)).desconto, dec("0"));
}

#[test]
fn rounding_half_up_per_component_and_value_rules() {
    let mut t = Titulo::new("X", 1, "1", dec("333.33"), d(2026, 3, 10));
    t.multa = Some(Multa {
        tipo: MultaTipo::Valor,
        valor: dec("7.50"),
        desde: None,
    });
    t.juros = Some(Juros {
        tipo: JurosTipo::PercentualMes,
        valor: dec("1"),
        desde: None,
    });
    // 7 days: 333.33 × 1% / 30 × 7 = 0.77777 → 0.78
    let b = valor_devido(&t, d(2026, 3, 17));
    assert_eq!(b.juros, dec("0.78"));
    assert_eq!(b.total, dec("341.61"));
    t.juros = Some(Juros {
        tipo: JurosTipo::ValorDia,
        valor: dec("0.15"),
        desde: None,
    });
    t.abatimento = dec("33.33");
    // multa fixed 7.50, juros 7 × 0.15 = 1.05, base 300.00
    let b = valor_devido(&t, d(2026, 3, 17));
    assert_eq!(
        (b.multa, b.juros, b.abatimento, b.total),
        (dec("7.50"), dec("1.05"), dec("33.33"), dec("308.55"))
    );
    // 2% multa of 0.25 = 0.005 rounds half-up to 0.01
    let mut t = Titulo::new("Y", 1, "1", dec("0.25"), d(2026, 3, 10));
    t.multa = Some(Multa {
        tipo: MultaTipo::Percentual,
        valor: dec("2"),
        desde: None,
    });
    assert_eq!(valor_devido(&t, d(2026, 3, 12)).multa, dec("0.01"));
}

#[test]
fn juros_and_multa_start_dates() {
    let mut t = title(d(2026, 3, 10));
    t.juros = Some(Juros {
        tipo: JurosTipo::ValorDia,
        valor: dec("1.00"),
        desde: Some(d(2026, 3, 20)),
    });
    t.multa = Some(Multa {
        tipo: MultaTipo::Percentual,
        valor: dec("2"),
        desde: Some(d(2026, 3, 21)),
    });
    let b = valor_devido(&t, d(2026, 3, 20));
    assert_eq!((b.juros, b.multa), (dec("1.00"), dec("0")));
    let b = valor_devido(&t, d(2026, 3, 25));
    assert_eq!(
        (b.juros, b.multa, b.total),
        (dec("6.00"), dec("20.00"), dec("1026.00"))
    );
}
