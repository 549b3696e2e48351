// The smallest useful DynamoDB handler: one client, one command, nothing of ours. Its bundle is the
// floor any handler that touches DynamoDB through the AWS SDK v3 cannot go below.
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({});

export const handler = async (event: { id: string }) =>
  client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { PK: { S: event.id } } }));
