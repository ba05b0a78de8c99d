// The schemas the document names in components.schemas: answers as the handlers write them
// (output side) and request bodies as clients send them (input side: defaults make a field optional).
import type { z } from "zod";
import { addMemberRequest, createTokenRequest, issueTokenRequest } from "@/lib/api/schemas/auth";
import {
  createKeyRequest,
  createPipelineRequest,
  executeRequest,
  patchPipelineRequest,
  replacePipelineRequest,
  updateKeyRequest,
} from "@/lib/api/schemas/pipelines";
import * as res from "@/lib/api/schemas/responses";
import { csrfResponse, providersResponse, redirectResponse, sessionResponse } from "./auth-js";

export const responseComponents: Record<string, z.ZodType> = {
  Pipeline: res.pipelineResponse,
  CreatedPipeline: res.createdPipelineResponse,
  PipelineList: res.pipelineListResponse,
  RecentRun: res.recentRunResponse,
  PipelineSharing: res.sharingResponse,
  Execution: res.executionResponse,
  ExecutionList: res.executionListResponse,
  ExecuteResponse: res.executeResponse,
  PipelineKey: res.keyResponse,
  PipelineKeyList: res.keyListResponse,
  TriggerResponse: res.triggerResponse,
  PostmanCollection: res.postmanCollectionResponse,
  Token: res.tokenResponse,
  IssuedToken: res.issuedTokenResponse,
  SignInToken: res.signInTokenResponse,
  TokenList: res.tokenListResponse,
  Member: res.memberResponse,
  MemberList: res.memberListResponse,
  Me: res.meResponse,
  Health: res.healthResponse,
  Error: res.v1ErrorResponse,
  Csrf: csrfResponse,
  Providers: providersResponse,
  Session: sessionResponse,
  Redirect: redirectResponse,
};

export const requestComponents: Record<string, z.ZodType> = {
  CreatePipelineRequest: createPipelineRequest,
  ReplacePipelineRequest: replacePipelineRequest,
  PatchPipelineRequest: patchPipelineRequest,
  ExecuteRequest: executeRequest,
  CreateKeyRequest: createKeyRequest,
  UpdateKeyRequest: updateKeyRequest,
  IssueTokenRequest: issueTokenRequest,
  CreateTokenRequest: createTokenRequest,
  AddMemberRequest: addMemberRequest,
};
