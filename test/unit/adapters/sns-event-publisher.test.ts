import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { SnsEventPublisher } from "../../../shared/adapters/sns/event-publisher";
import type { Notification, NotificationTopic } from "../../../shared/ports/event-publisher";

const sns = mockClient(SNSClient);
const topicArn = (topic: NotificationTopic) => `arn:aws:sns:ap-southeast-1:123456789012:bizportal-${topic}`;
const publisher = new SnsEventPublisher(new SNSClient({ region: "ap-southeast-1" }), topicArn);
beforeEach(() => sns.reset());

const notification: Notification = {
  id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ:2:fixRequested",
  kind: "fixRequested",
  applicationId: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
  licenseTypeId: "food-premises-over-200sqm-klong-dan",
  agencyId: "sao-khlong-dan",
  applicantId: "applicant-1",
  status: "FIX_REQUESTED",
  at: "2026-03-02T04:00:00.000Z",
  messageTh: "กรุณาแก้ไขเอกสาร",
  messageEn: "Please fix the documents",
  data: { deadline: "2026-03-16T09:30:00.000Z" },
};

describe("SnsEventPublisher", () => {
  it("publishes the notification as JSON to the topic's ARN, with kind and agency as attributes", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
    await publisher.publish("fixRequests", notification);
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.TopicArn).toBe("arn:aws:sns:ap-southeast-1:123456789012:bizportal-fixRequests");
    expect(JSON.parse(input.Message!)).toEqual(notification);
    expect(input.Subject).toBe("fixRequested 01JNZ8Y7M3Q4R5S6T7V8W9X0YZ");
    expect(input.MessageAttributes).toEqual({
      kind: { DataType: "String", StringValue: "fixRequested" },
      agencyId: { DataType: "String", StringValue: "sao-khlong-dan" },
    });
  });

  it("keeps the subject within SNS's 100 characters", async () => {
    sns.on(PublishCommand).resolves({});
    await publisher.publish("overdueEscalations", { ...notification, kind: "k".repeat(150) });
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input.Subject).toHaveLength(100);
  });

  it("lets a failed publish reject", async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error("Topic gone"), { name: "NotFoundException" }));
    await expect(publisher.publish("approvals", notification)).rejects.toThrow("Topic gone");
  });
});
