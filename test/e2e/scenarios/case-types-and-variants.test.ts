import { scenarios } from "../../support/scenario-world";
import { table, title } from "./tables/case-types-and-variants";

scenarios(title, table);
