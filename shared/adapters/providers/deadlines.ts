import { ApplicationDeadlines } from "../../domain/application/deadlines";
import { provider } from "./provider";

export const deadlines = provider(() => new ApplicationDeadlines());
