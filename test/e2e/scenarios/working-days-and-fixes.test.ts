import { scenarios } from "../../support/scenario-world";
import { table, title } from "./tables/working-days-and-fixes";

scenarios(title, table);
