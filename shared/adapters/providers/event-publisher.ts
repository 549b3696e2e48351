import { SNSClient } from "@aws-sdk/client-sns";
import type { EventPublisher } from "../../ports/event-publisher";
import { env } from "../environment";
import { SnsEventPublisher } from "../sns/event-publisher";
import { provider } from "./provider";

export const eventPublisher = provider<EventPublisher>(
  () => new SnsEventPublisher(new SNSClient({}), env.topicArn),
);
