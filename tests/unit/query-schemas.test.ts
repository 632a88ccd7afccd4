// The query strings of the directory and the account list: absent values take their defaults, bad ones are dropped,
// good ones are kept (absent values are defaulted without a failed parse, so they must come out the same).
import { describe, expect, it } from "vitest";
import { parseAccountFilter } from "~/schemas/accounts";
import { parseFirmSearchParams } from "~/schemas/firm";

const url = (query: string) => new URL(`http://localhost/x${query}`);

describe("parseFirmSearchParams", () => {
  it("reads an empty query string as the first page of everything", () => {
    expect(parseFirmSearchParams(url(""))).toEqual({ page: 1 });
  });

  it.each(["", "abc", "0", "-4", "2.5", "100001", "1e400"])("reads page=%j as the first page", (page) => {
    expect(parseFirmSearchParams(url(`?page=${page}`)).page).toBe(1);
  });

  it("drops a search over 100 characters and reads a repeated parameter by its last value", () => {
    expect(parseFirmSearchParams(url(`?q=${"精".repeat(101)}&page=2&page=3`))).toEqual({ page: 3 });
  });

  it("keeps a good page and good filters", () => {
    expect(parseFirmSearchParams(url("?q=%E7%B2%BE%E5%AF%86&page=3&new_product=1"))).toEqual({
      q: "精密",
      new_product: "1",
      page: 3,
    });
  });
});

describe("parseAccountFilter", () => {
  it("reads an empty query string as every account, first page", () => {
    expect(parseAccountFilter(url(""))).toEqual({ status: "all", page: 1 });
  });

  it("drops bad values to their defaults", () => {
    expect(parseAccountFilter(url("?status=%00&page=-4&role=wizard&university=abc"))).toEqual({
      status: "all",
      page: 1,
    });
  });

  it("keeps good values", () => {
    expect(parseAccountFilter(url("?status=disabled&page=2&role=student&university=3"))).toEqual({
      role: "student",
      university: 3,
      status: "disabled",
      page: 2,
    });
  });
});
