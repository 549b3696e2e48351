import { scenarios } from "../../support/scenario-world";
import { table, title } from "./tables/overdue-decisions";

scenarios(title, table);
