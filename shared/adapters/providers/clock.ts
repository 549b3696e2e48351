import type { Clock } from "../../ports/clock";
import { systemClock } from "../system-clock";
import { provider } from "./provider";

export const clock = provider<Clock>(() => systemClock);
