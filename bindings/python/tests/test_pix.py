"""cnab.pix (BR Code through the Rust core), Titulo.pix in remessas, RetornoEntry.pago_por_pix."""

from __future__ import annotations

import decimal
import os
import subprocess
from pathlib import Path

import pytest

import cnab
from cnab import pix

ROOT = Path(__file__).resolve().parents[3]

# Manual de Padrões para Iniciação do Pix v2.6.2, §1.5.4: the static example with its CRC.
MANUAL_STATIC = (
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
    "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
)


def test_parse_the_manuals_static_example() -> None:
    p = pix.parse(MANUAL_STATIC)
    assert p.tipo == "estatico"
    assert p.chave == "123e4567-e12b-12d1-a456-426655440000"
    assert p.chave_tipo == "evp"
    assert p.nome == "Fulano de Tal"
    assert p.cidade == "BRASILIA"
    assert p.valor is None
    assert p.txid is None
    assert p["url"] is None


def test_make_gives_the_manuals_payload_back() -> None:
    built = pix.make(chave="123e4567-e12b-12d1-a456-426655440000", nome="Fulano de Tal", cidade="BRASILIA")
    assert built == MANUAL_STATIC


def test_make_and_parse_round_trip_with_amount_and_txid() -> None:
    payload = pix.make(
        chave="00038166000105", nome="BANCO CENTRAL", cidade="BRASILIA", valor=decimal.Decimal("1234.56"),
        txid="NF1001", descricao="Pedido 1001",
    )
    assert payload.startswith("000201")
    assert "54071234.56" in payload
    assert "0506NF1001" in payload
    assert payload[-8:-4] == "6304"
    p = pix.parse(payload)
    assert (p.chave, p.chave_tipo, p.valor, p.txid, p.descricao) == (
        "00038166000105", "cnpj", decimal.Decimal("1234.56"), "NF1001", "Pedido 1001",
    )
    assert p.to_dict()["valor"] == "1234.56"


def test_dynamic_payload() -> None:
    payload = pix.make(url="pix.example.com/qr/v2/9d36b84f-c70b-478f-b95c-12729b90ca25", nome="LOJA", cidade="SAO PAULO", unico=True)
    p = pix.parse(payload)
    assert (p.tipo, p.url, p.chave, p.unico) == ("dinamico", "pix.example.com/qr/v2/9d36b84f-c70b-478f-b95c-12729b90ca25", None, True)


def test_a_wrong_crc_says_crc() -> None:
    with pytest.raises(pix.PixError) as e:
        pix.parse(MANUAL_STATIC[:-4] + "1D3E")
    assert e.value.field == "crc"
    assert str(e.value) == "crc (tag 63): expected 1D3D, found 1D3E"
    assert isinstance(e.value, cnab.CnabError)


def test_field_violations_name_the_field() -> None:
    with pytest.raises(pix.PixError) as e:
        pix.make(chave="12345678900", nome="X", cidade="Y")  # Manual §1.4.2 sample: wrong check digits
    assert (e.value.field, (e.value.details or {}).get("tag")) == ("chave", "26-01")
    with pytest.raises(pix.PixError) as e:
        pix.make(chave="+5561912345678", nome="N" * 26, cidade="BRASILIA")
    assert e.value.field == "nome"
    with pytest.raises(pix.PixError) as e:
        pix.make(chave="+5561912345678", nome="N", cidade="BRASILIA", txid="TX-1")
    assert e.value.field == "txid"
    with pytest.raises(cnab.CnabError):
        pix.make(nome="N", cidade="C")  # neither chave nor url
    with pytest.raises(TypeError):
        pix.make(chave="+5561912345678", nome="N", cidade="C", valor=1.5)  # type: ignore[arg-type]


def test_the_cli_agrees() -> None:
    exe = os.environ.get("CNAB_BIN")
    if not exe:
        pytest.skip("CNAB_BIN not set")
    out = subprocess.run([exe, "pix", "parse", MANUAL_STATIC], capture_output=True, text=True, check=True)
    import json

    assert json.loads(out.stdout) == pix.parse(MANUAL_STATIC).to_dict()


def _fixture(rel: str) -> dict:  # type: ignore[type-arg]
    import json

    return json.loads((ROOT / "fixtures" / rel).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_titulo_pix_is_written_as_santander_y03_and_read_back() -> None:
    model = _fixture("033-santander/cnab240/remessa/remessa.model.json")
    txid = "NF1001VENC20261215SANTANDER"
    model["titulos"][0]["pix"] = {"tipo_chave": "2", "chave": "00038166000105", "txid": txid}
    remessa = cnab.Remessa.from_dict(model)
    assert remessa.titulos[0].pix == cnab.PixInfo(tipo_chave="2", chave="00038166000105", txid=txid)
    data = remessa.to_bytes(bank="033", layout=240)
    y = data.decode("ascii").split("\r\n")[4]
    assert y == "0330001300003Y 0103" + " " * 61 + "2" + "00038166000105".ljust(77) + txid.ljust(35) + " " * 47
    back = cnab.read_remessa(data)
    assert back.titulos[0].pix == remessa.titulos[0].pix
    assert back.titulos[1].pix is None
    assert "pix" not in back.titulos[1].to_dict()


def test_titulo_pix_refused_where_the_layout_cannot_carry_it() -> None:
    model = _fixture("001-bb/cnab240/remessa/remessa.model.json")
    model["titulos"][0]["pix"] = {"chave": "00038166000105"}
    with pytest.raises(cnab.FieldError) as e:
        cnab.Remessa.from_dict(model).to_bytes(bank="001", layout=240)
    assert (e.value.details or {}).get("model_field") == "pix.chave"


def test_retorno_entry_paid_by_pix() -> None:
    data = (ROOT / "fixtures/655-bv/cnab400/retorno/retorno.ret").read_bytes()
    r = cnab.read_retorno(data)
    assert r.entries[0].pago_por_pix is False  # ocorrência 06, liquidação normal
    assert r.entries[1].pago_por_pix is None  # 03, no payment
    lines = data.split(b"\n")
    lines[1] = lines[1][:100] + b"70" + lines[1][102:]
    r = cnab.read_retorno(b"\n".join(lines))
    assert r.entries[0].pago_por_pix is True
    assert r.entries[0].to_dict()["pago_por_pix"] is True
    assert "pago_por_pix" not in r.entries[1].to_dict()
