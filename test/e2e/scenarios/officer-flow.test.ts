import { scenarios } from "../../support/scenario-world";
import { table, title } from "./tables/officer-flow";

scenarios(title, table);
