import { type Clock, systemClock } from "../../ports/clock";
import { provider } from "./provider";

export const clock = provider<Clock>(() => systemClock);
