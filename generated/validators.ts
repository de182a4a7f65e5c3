// THIS IS A GENERATED FILE, DO NOT EDIT. Regenerate with: npm run generate
// @ts-nocheck
import func2Module from 'ajv/dist/runtime/ucs2length.js'

export const validateAccessList = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/access-list.json","title":"access_list","description":"Reply to list_access: the document's owner and every grant on it, by user id (§9.5).","x-direction":"server","type":"object","required":["type","document_id","owner_id","grants"],"additionalProperties":false,"properties":{"type":{"const":"access_list"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"owner_id":{"$ref":"../definitions.json#/definitions/uuid"},"grants":{"type":"array","items":{"type":"object","required":["user_id","role"],"additionalProperties":false,"properties":{"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"role":{"type":"string","enum":["read","write"]}}}}}};
const schema13 = {"description":"Chosen by the client, echoed in the reply (§2).","type":"string","minLength":1,"maxLength":128};
const schema14 = {"description":"A UUID in 8-4-4-4-12 hex form (§1).","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"};
const func2 = func2Module.default;
const pattern0 = new RegExp("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/access-list.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.owner_id === undefined) && (missing0 = "owner_id"))) || ((data.grants === undefined) && (missing0 = "grants"))){
validate10.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id")) || (key0 === "owner_id")) || (key0 === "grants"))){
validate10.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("access_list" !== data.type){
validate10.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "access_list"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate10.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate10.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate10.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.owner_id !== undefined){
let data3 = data.owner_id;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
validate10.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.grants !== undefined){
let data4 = data.grants;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data4)){
var valid4 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs14 = errors;
if(errors === _errs14){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((data5.user_id === undefined) && (missing1 = "user_id")) || ((data5.role === undefined) && (missing1 = "role"))){
validate10.errors = [{instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs16 = errors;
for(const key1 in data5){
if(!((key1 === "user_id") || (key1 === "role"))){
validate10.errors = [{instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs16 === errors){
if(data5.user_id !== undefined){
let data6 = data5.user_id;
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate10.errors = [{instancePath:instancePath+"/grants/" + i0+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/grants/" + i0+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs17 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data5.role !== undefined){
let data7 = data5.role;
const _errs20 = errors;
if(typeof data7 !== "string"){
validate10.errors = [{instancePath:instancePath+"/grants/" + i0+"/role",schemaPath:"#/properties/grants/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data7 === "read") || (data7 === "write"))){
validate10.errors = [{instancePath:instancePath+"/grants/" + i0+"/role",schemaPath:"#/properties/grants/items/properties/role/enum",keyword:"enum",params:{allowedValues: schema11.properties.grants.items.properties.role.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs20 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/grants/" + i0,schemaPath:"#/properties/grants/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs14 === errors;
if(!valid4){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/grants",schemaPath:"#/properties/grants/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateAuthSuccess = validate12;
const schema17 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/auth-success.json","title":"auth_success","description":"Reply to authenticate (§1).","x-direction":"server","type":"object","required":["type","user_id","latest_sequence"],"additionalProperties":false,"properties":{"type":{"const":"auth_success"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"latest_sequence":{"$ref":"../definitions.json#/definitions/sequence"}}};
const schema20 = {"description":"Position in the global change log (§3). At most 2^53-1, the largest integer every JSON parser reads exactly (§2.8).","type":"integer","minimum":0,"maximum":9007199254740991};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/auth-success.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.user_id === undefined) && (missing0 = "user_id"))) || ((data.latest_sequence === undefined) && (missing0 = "latest_sequence"))){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "user_id")) || (key0 === "latest_sequence"))){
validate12.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("auth_success" !== data.type){
validate12.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "auth_success"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate12.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate12.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data2 = data.user_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate12.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latest_sequence !== undefined){
let data3 = data.latest_sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate12.errors = [{instancePath:instancePath+"/latest_sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate12.errors = [{instancePath:instancePath+"/latest_sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate12.errors = [{instancePath:instancePath+"/latest_sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}

export const validateAuthenticate = validate13;
const schema21 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/authenticate.json","title":"authenticate","description":"Authenticates the connection as a user (§1).","x-direction":"client","type":"object","required":["type","user_id","auth_token"],"additionalProperties":false,"properties":{"type":{"const":"authenticate"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"auth_token":{"type":"string","minLength":1,"maxLength":1024}}};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/authenticate.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.user_id === undefined) && (missing0 = "user_id"))) || ((data.auth_token === undefined) && (missing0 = "auth_token"))){
validate13.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "user_id")) || (key0 === "auth_token"))){
validate13.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("authenticate" !== data.type){
validate13.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "authenticate"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate13.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate13.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data2 = data.user_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate13.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.auth_token !== undefined){
let data3 = data.auth_token;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(func2(data3) > 1024){
validate13.errors = [{instancePath:instancePath+"/auth_token",schemaPath:"#/properties/auth_token/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
else {
if(func2(data3) < 1){
validate13.errors = [{instancePath:instancePath+"/auth_token",schemaPath:"#/properties/auth_token/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/auth_token",schemaPath:"#/properties/auth_token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate13.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate13.errors = vErrors;
return errors === 0;
}

export const validateChangesSince = validate14;
const schema24 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/changes-since.json","title":"changes_since","description":"Reply to get_changes (§8.2). A page may hold fewer than limit events while has_more is true (a server may bound its size). A server MUST send latest_sequence and has_more; they are optional here only so that replies shaped like the seed's example (which has neither) still validate, and a client MUST read a reply without has_more as the last page.","x-direction":"server","type":"object","required":["type","changes"],"additionalProperties":false,"properties":{"type":{"const":"changes_since"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"changes":{"type":"array","items":{"$ref":"../definitions.json#/definitions/change_event"}},"latest_sequence":{"$ref":"../definitions.json#/definitions/sequence"},"has_more":{"type":"boolean"}}};
const schema26 = {"description":"One entry of the change log (§8).","type":"object","required":["sequence","document_id","event_type","revision_id","forward_patch","reverse_patch","created_at"],"additionalProperties":false,"properties":{"sequence":{"$ref":"#/definitions/sequence"},"document_id":{"$ref":"#/definitions/uuid"},"user_id":{"$ref":"#/definitions/uuid"},"event_type":{"type":"string","enum":["create","update","delete","rename"]},"revision_id":{"$ref":"#/definitions/revision_id"},"forward_patch":{"description":"create: the document; update: a patch; delete: null; rename: {title}.","oneOf":[{"type":"object"},{"type":"array"},{"type":"null"}]},"reverse_patch":{"description":"create: null; update: a patch; delete: the document; rename: {title}.","oneOf":[{"type":"object"},{"type":"array"},{"type":"null"}]},"created_at":{"$ref":"#/definitions/timestamp"},"client_op_id":{"oneOf":[{"$ref":"#/definitions/client_op_id"},{"type":"null"}]},"vector_clock":{"oneOf":[{"$ref":"#/definitions/vector_clock"},{"type":"null"}]},"cause":{"oneOf":[{"type":"string","enum":["undo","redo"]},{"type":"null"}]}}};
const schema30 = {"description":"<generation>-<hex digest> (§6); the reference digest is SHA-256, 64 hex digits. At most 145 characters: a generation of up to 16 digits (2^53-1), a dash, a digest of up to 128 hex digits.","type":"string","maxLength":145,"pattern":"^[1-9][0-9]*-[0-9a-f]+$"};
const schema31 = {"description":"RFC 3339 UTC timestamp.","type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"};
const schema32 = {"description":"Idempotency key of a mutation, unique per user (§4).","type":"string","minLength":1,"maxLength":128};
const schema33 = {"description":"Actor id to counter (§5.1): an actor id is 1-128 characters, never __proto__.","type":"object","propertyNames":{"minLength":1,"maxLength":128,"not":{"const":"__proto__"}},"additionalProperties":{"type":"integer","minimum":0,"maximum":9007199254740991}};
const func12 = Object.prototype.hasOwnProperty;
const pattern7 = new RegExp("^[1-9][0-9]*-[0-9a-f]+$", "u");
const pattern8 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$", "u");

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.sequence === undefined) && (missing0 = "sequence")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.event_type === undefined) && (missing0 = "event_type"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.forward_patch === undefined) && (missing0 = "forward_patch"))) || ((data.reverse_patch === undefined) && (missing0 = "reverse_patch"))) || ((data.created_at === undefined) && (missing0 = "created_at"))){
validate15.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func12.call(schema26.properties, key0))){
validate15.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sequence !== undefined){
let data0 = data.sequence;
const _errs2 = errors;
const _errs3 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate15.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 9007199254740991 || isNaN(data0)){
validate15.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate15.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data1 = data.document_id;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate15.errors = [{instancePath:instancePath+"/document_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/document_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data2 = data.user_id;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate15.errors = [{instancePath:instancePath+"/user_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/user_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.event_type !== undefined){
let data3 = data.event_type;
const _errs11 = errors;
if(typeof data3 !== "string"){
validate15.errors = [{instancePath:instancePath+"/event_type",schemaPath:"#/properties/event_type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data3 === "create") || (data3 === "update")) || (data3 === "delete")) || (data3 === "rename"))){
validate15.errors = [{instancePath:instancePath+"/event_type",schemaPath:"#/properties/event_type/enum",keyword:"enum",params:{allowedValues: schema26.properties.event_type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data4 = data.revision_id;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data4 === "string"){
if(func2(data4) > 145){
validate15.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data4)){
validate15.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forward_patch !== undefined){
let data5 = data.forward_patch;
const _errs16 = errors;
const _errs17 = errors;
let valid5 = false;
let passing0 = null;
const _errs18 = errors;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err0 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs18 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs20 = errors;
if(!(Array.isArray(data5))){
const err1 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs20 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
const _errs22 = errors;
if(data5 !== null){
const err2 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs22 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid5 = true;
passing0 = 2;
}
}
}
if(!valid5){
const err3 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate15.errors = vErrors;
return false;
}
else {
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reverse_patch !== undefined){
let data6 = data.reverse_patch;
const _errs24 = errors;
const _errs25 = errors;
let valid6 = false;
let passing1 = null;
const _errs26 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs26 === errors;
if(_valid1){
valid6 = true;
passing1 = 0;
}
const _errs28 = errors;
if(!(Array.isArray(data6))){
const err5 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs28 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid6 = true;
passing1 = 1;
}
const _errs30 = errors;
if(data6 !== null){
const err6 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs30 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid6 = true;
passing1 = 2;
}
}
}
if(!valid6){
const err7 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate15.errors = vErrors;
return false;
}
else {
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs32 = errors;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate15.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data8 = data.client_op_id;
const _errs35 = errors;
const _errs36 = errors;
let valid8 = false;
let passing2 = null;
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data8 === "string"){
if(func2(data8) > 128){
const err8 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(func2(data8) < 1){
const err9 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid2 = _errs37 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
}
const _errs40 = errors;
if(data8 !== null){
const err11 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/properties/client_op_id/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid2 = _errs40 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid8 = true;
passing2 = 1;
}
}
if(!valid8){
const err12 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/properties/client_op_id/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
validate15.errors = vErrors;
return false;
}
else {
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data9 = data.vector_clock;
const _errs42 = errors;
const _errs43 = errors;
let valid10 = false;
let passing3 = null;
const _errs44 = errors;
const _errs45 = errors;
if(errors === _errs45){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key1 in data9){
const _errs47 = errors;
const _errs48 = errors;
const _errs49 = errors;
if("__proto__" !== key1){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var valid13 = _errs49 === errors;
if(valid13){
const err14 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
if(errors === _errs47){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err15 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(func2(key1) < 1){
const err16 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var valid12 = _errs47 === errors;
if(!valid12){
const err17 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
break;
}
}
if(valid12){
for(const key2 in data9){
let data10 = data9[key2];
const _errs51 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err18 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors === _errs51){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 9007199254740991 || isNaN(data10)){
const err19 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
if(data10 < 0 || isNaN(data10)){
const err20 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
}
var valid14 = _errs51 === errors;
if(!valid14){
break;
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid3 = _errs44 === errors;
if(_valid3){
valid10 = true;
passing3 = 0;
}
const _errs53 = errors;
if(data9 !== null){
const err22 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/properties/vector_clock/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid3 = _errs53 === errors;
if(_valid3 && valid10){
valid10 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid10 = true;
passing3 = 1;
}
}
if(!valid10){
const err23 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/properties/vector_clock/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
validate15.errors = vErrors;
return false;
}
else {
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs42 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data11 = data.cause;
const _errs55 = errors;
const _errs56 = errors;
let valid15 = false;
let passing4 = null;
const _errs57 = errors;
if(typeof data11 !== "string"){
const err24 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(!((data11 === "undo") || (data11 === "redo"))){
const err25 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema26.properties.cause.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid4 = _errs57 === errors;
if(_valid4){
valid15 = true;
passing4 = 0;
}
const _errs59 = errors;
if(data11 !== null){
const err26 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid4 = _errs59 === errors;
if(_valid4 && valid15){
valid15 = false;
passing4 = [passing4, 1];
}
else {
if(_valid4){
valid15 = true;
passing4 = 1;
}
}
if(!valid15){
const err27 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
validate15.errors = vErrors;
return false;
}
else {
errors = _errs56;
if(vErrors !== null){
if(_errs56){
vErrors.length = _errs56;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs55 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate15.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate15.errors = vErrors;
return errors === 0;
}


function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/changes-since.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.changes === undefined) && (missing0 = "changes"))){
validate14.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "changes")) || (key0 === "latest_sequence")) || (key0 === "has_more"))){
validate14.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("changes_since" !== data.type){
validate14.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "changes_since"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate14.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate14.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.changes !== undefined){
let data2 = data.changes;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs8 = errors;
if(!(validate15(data2[i0], {instancePath:instancePath+"/changes/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/changes",schemaPath:"#/properties/changes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latest_sequence !== undefined){
let data4 = data.latest_sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate14.errors = [{instancePath:instancePath+"/latest_sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 9007199254740991 || isNaN(data4)){
validate14.errors = [{instancePath:instancePath+"/latest_sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate14.errors = [{instancePath:instancePath+"/latest_sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.has_more !== undefined){
const _errs12 = errors;
if(typeof data.has_more !== "boolean"){
validate14.errors = [{instancePath:instancePath+"/has_more",schemaPath:"#/properties/has_more/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate14.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate14.errors = vErrors;
return errors === 0;
}

export const validateCreateDocument = validate17;
const schema35 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/create-document.json","title":"create_document","description":"Creates a document (§2).","x-direction":"client","type":"object","required":["type","document"],"additionalProperties":false,"properties":{"type":{"const":"create_document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"document":{"$ref":"../definitions.json#/definitions/document_input"}}};
const schema38 = {"type":"object","required":["id","title","content"],"additionalProperties":false,"properties":{"id":{"$ref":"#/definitions/uuid"},"title":{"$ref":"#/definitions/title"},"content":{"$ref":"#/definitions/content"}}};
const schema40 = {"type":"string","maxLength":1024};
const schema41 = {"description":"A document's JSON content; always an object.","type":"object"};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.content === undefined) && (missing0 = "content"))){
validate18.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "id") || (key0 === "title")) || (key0 === "content"))){
validate18.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate18.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate18.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data1 = data.title;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 1024){
validate18.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate18.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data2 = data.content;
const _errs8 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
validate18.errors = [{instancePath:instancePath+"/content",schemaPath:"#/definitions/content/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate18.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate18.errors = vErrors;
return errors === 0;
}


function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/create-document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.document === undefined) && (missing0 = "document"))){
validate17.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "document"))){
validate17.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("create_document" !== data.type){
validate17.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "create_document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate17.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate17.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate17.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate17.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document !== undefined){
const _errs9 = errors;
if(!(validate18(data.document, {instancePath:instancePath+"/document",parentData:data,parentDataProperty:"document",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate17.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate17.errors = vErrors;
return errors === 0;
}

export const validateDeleteDocument = validate20;
const schema42 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/delete-document.json","title":"delete_document","description":"Deletes a document (§2).","x-direction":"client","type":"object","required":["type","document_id"],"additionalProperties":false,"properties":{"type":{"const":"delete_document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"}}};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/delete-document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "document_id"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("delete_document" !== data.type){
validate20.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "delete_document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate20.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate20.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate20.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate20.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data3 = data.document_id;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
validate20.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}

export const validateDocumentAt = validate21;
const schema46 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-at.json","title":"document_at","description":"Reply to get_document_at; document is null when it did not exist then (§7).","x-direction":"server","type":"object","required":["type","document_id","sequence","document"],"additionalProperties":false,"properties":{"type":{"const":"document_at"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"sequence":{"$ref":"../definitions.json#/definitions/sequence"},"document":{"oneOf":[{"$ref":"../definitions.json#/definitions/document"},{"type":"null"}]}}};
const schema50 = {"type":"object","required":["id","title","content","revision_id","vector_clock","owner_id","created_at","updated_at"],"additionalProperties":false,"properties":{"id":{"$ref":"#/definitions/uuid"},"title":{"$ref":"#/definitions/title"},"content":{"$ref":"#/definitions/content"},"revision_id":{"$ref":"#/definitions/revision_id"},"vector_clock":{"$ref":"#/definitions/vector_clock"},"owner_id":{"$ref":"#/definitions/uuid"},"created_at":{"$ref":"#/definitions/timestamp"},"updated_at":{"$ref":"#/definitions/timestamp"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.content === undefined) && (missing0 = "content"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.vector_clock === undefined) && (missing0 = "vector_clock"))) || ((data.owner_id === undefined) && (missing0 = "owner_id"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.updated_at === undefined) && (missing0 = "updated_at"))){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "title")) || (key0 === "content")) || (key0 === "revision_id")) || (key0 === "vector_clock")) || (key0 === "owner_id")) || (key0 === "created_at")) || (key0 === "updated_at"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate22.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data1 = data.title;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 1024){
validate22.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data2 = data.content;
const _errs8 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
validate22.errors = [{instancePath:instancePath+"/content",schemaPath:"#/definitions/content/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data3 = data.revision_id;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func2(data3) > 145){
validate22.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data3)){
validate22.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data4 = data.vector_clock;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
const _errs17 = errors;
const _errs18 = errors;
const _errs19 = errors;
if("__proto__" !== key1){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid7 = _errs19 === errors;
if(valid7){
const err1 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
}
if(errors === _errs17){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err2 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(func2(key1) < 1){
const err3 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
var valid6 = _errs17 === errors;
if(!valid6){
const err4 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate22.errors = vErrors;
return false;
break;
}
}
if(valid6){
for(const key2 in data4){
let data5 = data4[key2];
const _errs21 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate22.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 9007199254740991 || isNaN(data5)){
validate22.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate22.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid8 = _errs21 === errors;
if(!valid8){
break;
}
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.owner_id !== undefined){
let data6 = data.owner_id;
const _errs23 = errors;
const _errs24 = errors;
if(errors === _errs24){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate22.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate22.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.updated_at !== undefined){
let data8 = data.updated_at;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
validate22.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-at.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.sequence === undefined) && (missing0 = "sequence"))) || ((data.document === undefined) && (missing0 = "document"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id")) || (key0 === "sequence")) || (key0 === "document"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_at" !== data.type){
validate21.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_at"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate21.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate21.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate21.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sequence !== undefined){
let data3 = data.sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate21.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate21.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate21.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document !== undefined){
let data4 = data.document;
const _errs12 = errors;
const _errs13 = errors;
let valid4 = false;
let passing0 = null;
const _errs14 = errors;
if(!(validate22(data4, {instancePath:instancePath+"/document",parentData:data,parentDataProperty:"document",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs14 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs15 = errors;
if(data4 !== null){
const err0 = {instancePath:instancePath+"/document",schemaPath:"#/properties/document/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err1 = {instancePath:instancePath+"/document",schemaPath:"#/properties/document/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}

export const validateDocumentCreated = validate24;
const schema59 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-created.json","title":"document_created","description":"Reply to create_document and broadcast (§2, §9.3); also announces a document re-created by undo or redo (§7.3), with cause.","x-direction":"server","type":"object","required":["type","document","sequence","revision_id","user_id"],"additionalProperties":false,"properties":{"type":{"const":"document_created"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document":{"$ref":"../definitions.json#/definitions/document"},"sequence":{"$ref":"../definitions.json#/definitions/sequence"},"revision_id":{"$ref":"../definitions.json#/definitions/revision_id"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"cause":{"type":"string","enum":["undo","redo"]}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.content === undefined) && (missing0 = "content"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.vector_clock === undefined) && (missing0 = "vector_clock"))) || ((data.owner_id === undefined) && (missing0 = "owner_id"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.updated_at === undefined) && (missing0 = "updated_at"))){
validate25.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "title")) || (key0 === "content")) || (key0 === "revision_id")) || (key0 === "vector_clock")) || (key0 === "owner_id")) || (key0 === "created_at")) || (key0 === "updated_at"))){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate25.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate25.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data1 = data.title;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 1024){
validate25.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate25.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data2 = data.content;
const _errs8 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
validate25.errors = [{instancePath:instancePath+"/content",schemaPath:"#/definitions/content/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data3 = data.revision_id;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func2(data3) > 145){
validate25.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data3)){
validate25.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data4 = data.vector_clock;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
const _errs17 = errors;
const _errs18 = errors;
const _errs19 = errors;
if("__proto__" !== key1){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid7 = _errs19 === errors;
if(valid7){
const err1 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
}
if(errors === _errs17){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err2 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(func2(key1) < 1){
const err3 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
var valid6 = _errs17 === errors;
if(!valid6){
const err4 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate25.errors = vErrors;
return false;
break;
}
}
if(valid6){
for(const key2 in data4){
let data5 = data4[key2];
const _errs21 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate25.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 9007199254740991 || isNaN(data5)){
validate25.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate25.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid8 = _errs21 === errors;
if(!valid8){
break;
}
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.owner_id !== undefined){
let data6 = data.owner_id;
const _errs23 = errors;
const _errs24 = errors;
if(errors === _errs24){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate25.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate25.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate25.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate25.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.updated_at !== undefined){
let data8 = data.updated_at;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
validate25.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate25.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate25.errors = vErrors;
return errors === 0;
}


function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-created.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.type === undefined) && (missing0 = "type")) || ((data.document === undefined) && (missing0 = "document"))) || ((data.sequence === undefined) && (missing0 = "sequence"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.user_id === undefined) && (missing0 = "user_id"))){
validate24.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "type") || (key0 === "request_id")) || (key0 === "document")) || (key0 === "sequence")) || (key0 === "revision_id")) || (key0 === "user_id")) || (key0 === "client_op_id")) || (key0 === "cause"))){
validate24.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_created" !== data.type){
validate24.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_created"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate24.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate24.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document !== undefined){
const _errs6 = errors;
if(!(validate25(data.document, {instancePath:instancePath+"/document",parentData:data,parentDataProperty:"document",rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sequence !== undefined){
let data3 = data.sequence;
const _errs7 = errors;
const _errs8 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate24.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate24.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate24.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data4 = data.revision_id;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data4 === "string"){
if(func2(data4) > 145){
validate24.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data4)){
validate24.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data5 = data.user_id;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data5 === "string"){
if(!pattern0.test(data5)){
validate24.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate24.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data6 = data.client_op_id;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data6 === "string"){
if(func2(data6) > 128){
validate24.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data6) < 1){
validate24.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data7 = data.cause;
const _errs19 = errors;
if(typeof data7 !== "string"){
validate24.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data7 === "undo") || (data7 === "redo"))){
validate24.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/enum",keyword:"enum",params:{allowedValues: schema59.properties.cause.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate24.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}

export const validateDocumentDeleted = validate27;
const schema74 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-deleted.json","title":"document_deleted","description":"Reply to delete_document and broadcast (§2).","x-direction":"server","type":"object","required":["type","document_id","sequence","revision_id","user_id"],"additionalProperties":false,"properties":{"type":{"const":"document_deleted"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"sequence":{"$ref":"../definitions.json#/definitions/sequence"},"revision_id":{"$ref":"../definitions.json#/definitions/revision_id"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"cause":{"type":"string","enum":["undo","redo"]}}};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-deleted.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.sequence === undefined) && (missing0 = "sequence"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.user_id === undefined) && (missing0 = "user_id"))){
validate27.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id")) || (key0 === "sequence")) || (key0 === "revision_id")) || (key0 === "user_id")) || (key0 === "client_op_id")) || (key0 === "cause"))){
validate27.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_deleted" !== data.type){
validate27.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_deleted"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate27.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate27.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate27.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate27.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate27.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sequence !== undefined){
let data3 = data.sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate27.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate27.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate27.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data4 = data.revision_id;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(func2(data4) > 145){
validate27.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data4)){
validate27.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate27.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data5 = data.user_id;
const _errs15 = errors;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data5 === "string"){
if(!pattern0.test(data5)){
validate27.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate27.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data6 = data.client_op_id;
const _errs18 = errors;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data6 === "string"){
if(func2(data6) > 128){
validate27.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data6) < 1){
validate27.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate27.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data7 = data.cause;
const _errs21 = errors;
if(typeof data7 !== "string"){
validate27.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data7 === "undo") || (data7 === "redo"))){
validate27.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/enum",keyword:"enum",params:{allowedValues: schema74.properties.cause.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate27.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate27.errors = vErrors;
return errors === 0;
}

export const validateDocumentList = validate28;
const schema81 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-list.json","title":"document_list","description":"Reply to list_documents (§2).","x-direction":"server","type":"object","required":["type","documents"],"additionalProperties":false,"properties":{"type":{"const":"document_list"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"documents":{"type":"array","items":{"$ref":"../definitions.json#/definitions/document"}}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.content === undefined) && (missing0 = "content"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.vector_clock === undefined) && (missing0 = "vector_clock"))) || ((data.owner_id === undefined) && (missing0 = "owner_id"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.updated_at === undefined) && (missing0 = "updated_at"))){
validate29.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "title")) || (key0 === "content")) || (key0 === "revision_id")) || (key0 === "vector_clock")) || (key0 === "owner_id")) || (key0 === "created_at")) || (key0 === "updated_at"))){
validate29.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate29.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate29.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data1 = data.title;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 1024){
validate29.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate29.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data2 = data.content;
const _errs8 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
validate29.errors = [{instancePath:instancePath+"/content",schemaPath:"#/definitions/content/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data3 = data.revision_id;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func2(data3) > 145){
validate29.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data3)){
validate29.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate29.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data4 = data.vector_clock;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
const _errs17 = errors;
const _errs18 = errors;
const _errs19 = errors;
if("__proto__" !== key1){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid7 = _errs19 === errors;
if(valid7){
const err1 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
}
if(errors === _errs17){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err2 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(func2(key1) < 1){
const err3 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
var valid6 = _errs17 === errors;
if(!valid6){
const err4 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate29.errors = vErrors;
return false;
break;
}
}
if(valid6){
for(const key2 in data4){
let data5 = data4[key2];
const _errs21 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate29.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 9007199254740991 || isNaN(data5)){
validate29.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate29.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid8 = _errs21 === errors;
if(!valid8){
break;
}
}
}
}
else {
validate29.errors = [{instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.owner_id !== undefined){
let data6 = data.owner_id;
const _errs23 = errors;
const _errs24 = errors;
if(errors === _errs24){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate29.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate29.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate29.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate29.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.updated_at !== undefined){
let data8 = data.updated_at;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
validate29.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate29.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate29.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate29.errors = vErrors;
return errors === 0;
}


function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-list.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.documents === undefined) && (missing0 = "documents"))){
validate28.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "request_id")) || (key0 === "documents"))){
validate28.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_list" !== data.type){
validate28.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_list"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate28.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate28.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data2 = data.documents;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs8 = errors;
if(!(validate29(data2[i0], {instancePath:instancePath+"/documents/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}

export const validateDocumentRenamed = validate31;
const schema92 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-renamed.json","title":"document_renamed","description":"Reply to rename_document and broadcast (§2).","x-direction":"server","type":"object","required":["type","document_id","title","sequence","revision_id","previous_revision_id","user_id"],"additionalProperties":false,"properties":{"type":{"const":"document_renamed"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"title":{"$ref":"../definitions.json#/definitions/title"},"sequence":{"$ref":"../definitions.json#/definitions/sequence"},"revision_id":{"$ref":"../definitions.json#/definitions/revision_id"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"previous_revision_id":{"$ref":"../definitions.json#/definitions/revision_id"},"cause":{"type":"string","enum":["undo","redo"]}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-renamed.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.title === undefined) && (missing0 = "title"))) || ((data.sequence === undefined) && (missing0 = "sequence"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.previous_revision_id === undefined) && (missing0 = "previous_revision_id"))) || ((data.user_id === undefined) && (missing0 = "user_id"))){
validate31.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func12.call(schema92.properties, key0))){
validate31.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_renamed" !== data.type){
validate31.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_renamed"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate31.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate31.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate31.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate31.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate31.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data3 = data.title;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(func2(data3) > 1024){
validate31.errors = [{instancePath:instancePath+"/title",schemaPath:"../definitions.json#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate31.errors = [{instancePath:instancePath+"/title",schemaPath:"../definitions.json#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sequence !== undefined){
let data4 = data.sequence;
const _errs12 = errors;
const _errs13 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate31.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 9007199254740991 || isNaN(data4)){
validate31.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate31.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data5 = data.revision_id;
const _errs15 = errors;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data5 === "string"){
if(func2(data5) > 145){
validate31.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data5)){
validate31.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate31.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data6 = data.user_id;
const _errs18 = errors;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate31.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate31.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data7 = data.client_op_id;
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(typeof data7 === "string"){
if(func2(data7) > 128){
validate31.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data7) < 1){
validate31.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate31.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.previous_revision_id !== undefined){
let data8 = data.previous_revision_id;
const _errs24 = errors;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data8 === "string"){
if(func2(data8) > 145){
validate31.errors = [{instancePath:instancePath+"/previous_revision_id",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data8)){
validate31.errors = [{instancePath:instancePath+"/previous_revision_id",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate31.errors = [{instancePath:instancePath+"/previous_revision_id",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data9 = data.cause;
const _errs27 = errors;
if(typeof data9 !== "string"){
validate31.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data9 === "undo") || (data9 === "redo"))){
validate31.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/enum",keyword:"enum",params:{allowedValues: schema92.properties.cause.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate31.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate31.errors = vErrors;
return errors === 0;
}

export const validateDocumentShared = validate32;
const schema101 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-shared.json","title":"document_shared","description":"Reply to share_document, and broadcast to every connection of the user it names (§9.4).","x-direction":"server","type":"object","required":["type","document_id","user_id","role"],"additionalProperties":false,"properties":{"type":{"const":"document_shared"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"role":{"$ref":"../definitions.json#/definitions/role"}}};
const schema105 = {"type":"string","enum":["read","write","none"]};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-shared.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.user_id === undefined) && (missing0 = "user_id"))) || ((data.role === undefined) && (missing0 = "role"))){
validate32.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id")) || (key0 === "user_id")) || (key0 === "role"))){
validate32.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_shared" !== data.type){
validate32.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_shared"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate32.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate32.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate32.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate32.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate32.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data3 = data.user_id;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
validate32.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate32.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.role !== undefined){
let data4 = data.role;
const _errs12 = errors;
if(typeof data4 !== "string"){
validate32.errors = [{instancePath:instancePath+"/role",schemaPath:"../definitions.json#/definitions/role/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data4 === "read") || (data4 === "write")) || (data4 === "none"))){
validate32.errors = [{instancePath:instancePath+"/role",schemaPath:"../definitions.json#/definitions/role/enum",keyword:"enum",params:{allowedValues: schema105.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate32.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate32.errors = vErrors;
return errors === 0;
}

export const validateDocumentUpdated = validate33;
const schema106 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document-updated.json","title":"document_updated","description":"Reply to update_document and broadcast (§2, §5).","x-direction":"server","type":"object","required":["type","document_id","patch","sequence","revision_id","previous_revision_id","vector_clock","conflict","user_id"],"additionalProperties":false,"properties":{"type":{"const":"document_updated"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"patch":{"$ref":"../definitions.json#/definitions/patch"},"sequence":{"$ref":"../definitions.json#/definitions/sequence"},"revision_id":{"$ref":"../definitions.json#/definitions/revision_id"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"previous_revision_id":{"$ref":"../definitions.json#/definitions/revision_id"},"vector_clock":{"$ref":"../definitions.json#/definitions/vector_clock"},"conflict":{"type":"boolean"},"cause":{"type":"string","enum":["undo","redo"]}}};
const schema109 = {"description":"An RFC 6902 patch; paths are relative to the document's content.","type":"array","items":{"$ref":"#/definitions/operation"}};
const schema110 = {"description":"One RFC 6902 operation.","oneOf":[{"$ref":"#/definitions/add_operation"},{"$ref":"#/definitions/remove_operation"},{"$ref":"#/definitions/replace_operation"},{"$ref":"#/definitions/move_operation"},{"$ref":"#/definitions/copy_operation"},{"$ref":"#/definitions/test_operation"}]};
const schema111 = {"type":"object","required":["op","path","value"],"additionalProperties":false,"properties":{"op":{"const":"add"},"path":{"$ref":"#/definitions/json_pointer"},"value":{}}};
const schema112 = {"description":"RFC 6901 JSON Pointer, relative to the document's content.","type":"string","pattern":"^(/([^~/]|~[01])*)*$"};
const pattern39 = new RegExp("^(/([^~/]|~[01])*)*$", "u");

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.op === undefined) && (missing0 = "op")) || ((data.path === undefined) && (missing0 = "path"))) || ((data.value === undefined) && (missing0 = "value"))){
validate36.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "op") || (key0 === "path")) || (key0 === "value"))){
validate36.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.op !== undefined){
const _errs2 = errors;
if("add" !== data.op){
validate36.errors = [{instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "add"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern39.test(data1)){
validate36.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate36.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate36.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate36.errors = vErrors;
return errors === 0;
}

const schema113 = {"type":"object","required":["op","path"],"additionalProperties":false,"properties":{"op":{"const":"remove"},"path":{"$ref":"#/definitions/json_pointer"}}};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.op === undefined) && (missing0 = "op")) || ((data.path === undefined) && (missing0 = "path"))){
validate38.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "op") || (key0 === "path"))){
validate38.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.op !== undefined){
const _errs2 = errors;
if("remove" !== data.op){
validate38.errors = [{instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "remove"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern39.test(data1)){
validate38.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate38.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate38.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate38.errors = vErrors;
return errors === 0;
}

const schema115 = {"type":"object","required":["op","path","value"],"additionalProperties":false,"properties":{"op":{"const":"replace"},"path":{"$ref":"#/definitions/json_pointer"},"value":{}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.op === undefined) && (missing0 = "op")) || ((data.path === undefined) && (missing0 = "path"))) || ((data.value === undefined) && (missing0 = "value"))){
validate40.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "op") || (key0 === "path")) || (key0 === "value"))){
validate40.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.op !== undefined){
const _errs2 = errors;
if("replace" !== data.op){
validate40.errors = [{instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "replace"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern39.test(data1)){
validate40.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate40.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate40.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate40.errors = vErrors;
return errors === 0;
}

const schema117 = {"type":"object","required":["op","path","from"],"additionalProperties":false,"properties":{"op":{"const":"move"},"path":{"$ref":"#/definitions/json_pointer"},"from":{"$ref":"#/definitions/json_pointer"}}};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.op === undefined) && (missing0 = "op")) || ((data.path === undefined) && (missing0 = "path"))) || ((data.from === undefined) && (missing0 = "from"))){
validate42.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "op") || (key0 === "path")) || (key0 === "from"))){
validate42.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.op !== undefined){
const _errs2 = errors;
if("move" !== data.op){
validate42.errors = [{instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "move"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern39.test(data1)){
validate42.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate42.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.from !== undefined){
let data2 = data.from;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern39.test(data2)){
validate42.errors = [{instancePath:instancePath+"/from",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate42.errors = [{instancePath:instancePath+"/from",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate42.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate42.errors = vErrors;
return errors === 0;
}

const schema120 = {"type":"object","required":["op","path","from"],"additionalProperties":false,"properties":{"op":{"const":"copy"},"path":{"$ref":"#/definitions/json_pointer"},"from":{"$ref":"#/definitions/json_pointer"}}};

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.op === undefined) && (missing0 = "op")) || ((data.path === undefined) && (missing0 = "path"))) || ((data.from === undefined) && (missing0 = "from"))){
validate44.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "op") || (key0 === "path")) || (key0 === "from"))){
validate44.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.op !== undefined){
const _errs2 = errors;
if("copy" !== data.op){
validate44.errors = [{instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "copy"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern39.test(data1)){
validate44.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.from !== undefined){
let data2 = data.from;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern39.test(data2)){
validate44.errors = [{instancePath:instancePath+"/from",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/from",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate44.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate44.errors = vErrors;
return errors === 0;
}

const schema123 = {"type":"object","required":["op","path","value"],"additionalProperties":false,"properties":{"op":{"const":"test"},"path":{"$ref":"#/definitions/json_pointer"},"value":{}}};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.op === undefined) && (missing0 = "op")) || ((data.path === undefined) && (missing0 = "path"))) || ((data.value === undefined) && (missing0 = "value"))){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "op") || (key0 === "path")) || (key0 === "value"))){
validate46.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.op !== undefined){
const _errs2 = errors;
if("test" !== data.op){
validate46.errors = [{instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "test"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern39.test(data1)){
validate46.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/pattern",keyword:"pattern",params:{pattern: "^(/([^~/]|~[01])*)*$"},message:"must match pattern \""+"^(/([^~/]|~[01])*)*$"+"\""}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/json_pointer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}


function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate36(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs2 = errors;
if(!(validate38(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
errors = vErrors.length;
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs3 = errors;
if(!(validate40(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
const _errs4 = errors;
if(!(validate42(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
}
const _errs5 = errors;
if(!(validate44(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
}
const _errs6 = errors;
if(!(validate46(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
var _valid0 = _errs6 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
}
}
}
}
}
}
if(!valid0){
const err0 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
validate35.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate35.errors = vErrors;
return errors === 0;
}


function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
const _errs1 = errors;
if(!(validate35(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate34.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
validate34.errors = vErrors;
return errors === 0;
}


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document-updated.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.patch === undefined) && (missing0 = "patch"))) || ((data.sequence === undefined) && (missing0 = "sequence"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.previous_revision_id === undefined) && (missing0 = "previous_revision_id"))) || ((data.vector_clock === undefined) && (missing0 = "vector_clock"))) || ((data.conflict === undefined) && (missing0 = "conflict"))) || ((data.user_id === undefined) && (missing0 = "user_id"))){
validate33.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func12.call(schema106.properties, key0))){
validate33.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document_updated" !== data.type){
validate33.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document_updated"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate33.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate33.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate33.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patch !== undefined){
const _errs9 = errors;
if(!(validate34(data.patch, {instancePath:instancePath+"/patch",parentData:data,parentDataProperty:"patch",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sequence !== undefined){
let data4 = data.sequence;
const _errs10 = errors;
const _errs11 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate33.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs11){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 9007199254740991 || isNaN(data4)){
validate33.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate33.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data5 = data.revision_id;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data5 === "string"){
if(func2(data5) > 145){
validate33.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data5)){
validate33.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data6 = data.user_id;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate33.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data7 = data.client_op_id;
const _errs19 = errors;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data7 === "string"){
if(func2(data7) > 128){
validate33.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data7) < 1){
validate33.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.previous_revision_id !== undefined){
let data8 = data.previous_revision_id;
const _errs22 = errors;
const _errs23 = errors;
if(errors === _errs23){
if(typeof data8 === "string"){
if(func2(data8) > 145){
validate33.errors = [{instancePath:instancePath+"/previous_revision_id",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data8)){
validate33.errors = [{instancePath:instancePath+"/previous_revision_id",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/previous_revision_id",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data9 = data.vector_clock;
const _errs25 = errors;
const _errs26 = errors;
if(errors === _errs26){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key1 in data9){
const _errs28 = errors;
const _errs29 = errors;
const _errs30 = errors;
if("__proto__" !== key1){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid10 = _errs30 === errors;
if(valid10){
const err1 = {instancePath:instancePath+"/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
if(errors === _errs28){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err2 = {instancePath:instancePath+"/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(func2(key1) < 1){
const err3 = {instancePath:instancePath+"/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
var valid9 = _errs28 === errors;
if(!valid9){
const err4 = {instancePath:instancePath+"/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate33.errors = vErrors;
return false;
break;
}
}
if(valid9){
for(const key2 in data9){
let data10 = data9[key2];
const _errs32 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
validate33.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"../definitions.json#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs32){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 9007199254740991 || isNaN(data10)){
validate33.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"../definitions.json#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data10 < 0 || isNaN(data10)){
validate33.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"../definitions.json#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid11 = _errs32 === errors;
if(!valid11){
break;
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.conflict !== undefined){
const _errs34 = errors;
if(typeof data.conflict !== "boolean"){
validate33.errors = [{instancePath:instancePath+"/conflict",schemaPath:"#/properties/conflict/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data12 = data.cause;
const _errs36 = errors;
if(typeof data12 !== "string"){
validate33.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data12 === "undo") || (data12 === "redo"))){
validate33.errors = [{instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/enum",keyword:"enum",params:{allowedValues: schema106.properties.cause.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs36 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate33.errors = vErrors;
return errors === 0;
}

export const validateDocument = validate50;
const schema131 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/document.json","title":"document","description":"Reply to get_document (§2).","x-direction":"server","type":"object","required":["type","document"],"additionalProperties":false,"properties":{"type":{"const":"document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document":{"$ref":"../definitions.json#/definitions/document"},"content_digest":{"description":"Lowercase hex SHA-256 of the canonical JSON of {content, title} at the document's revision_id (§6.6), sent when the request asked for it (digest: true) and only then: lets a client check its own copy of that revision.","type":"string","pattern":"^[0-9a-f]{64}$","examples":["06abdb21955933af8bb67ab1db044a437bb7cad72b68f356faf5ac3e7bc404df"]}}};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((data.id === undefined) && (missing0 = "id")) || ((data.title === undefined) && (missing0 = "title"))) || ((data.content === undefined) && (missing0 = "content"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.vector_clock === undefined) && (missing0 = "vector_clock"))) || ((data.owner_id === undefined) && (missing0 = "owner_id"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.updated_at === undefined) && (missing0 = "updated_at"))){
validate51.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "title")) || (key0 === "content")) || (key0 === "revision_id")) || (key0 === "vector_clock")) || (key0 === "owner_id")) || (key0 === "created_at")) || (key0 === "updated_at"))){
validate51.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate51.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data1 = data.title;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 1024){
validate51.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/title",schemaPath:"#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data2 = data.content;
const _errs8 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
validate51.errors = [{instancePath:instancePath+"/content",schemaPath:"#/definitions/content/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data3 = data.revision_id;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func2(data3) > 145){
validate51.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data3)){
validate51.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data4 = data.vector_clock;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
const _errs17 = errors;
const _errs18 = errors;
const _errs19 = errors;
if("__proto__" !== key1){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid7 = _errs19 === errors;
if(valid7){
const err1 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
}
if(errors === _errs17){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err2 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(func2(key1) < 1){
const err3 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
var valid6 = _errs17 === errors;
if(!valid6){
const err4 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate51.errors = vErrors;
return false;
break;
}
}
if(valid6){
for(const key2 in data4){
let data5 = data4[key2];
const _errs21 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate51.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 9007199254740991 || isNaN(data5)){
validate51.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate51.errors = [{instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid8 = _errs21 === errors;
if(!valid8){
break;
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.owner_id !== undefined){
let data6 = data.owner_id;
const _errs23 = errors;
const _errs24 = errors;
if(errors === _errs24){
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
validate51.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/owner_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate51.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.updated_at !== undefined){
let data8 = data.updated_at;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
validate51.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/updated_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate51.errors = vErrors;
return errors === 0;
}

const pattern55 = new RegExp("^[0-9a-f]{64}$", "u");

function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.document === undefined) && (missing0 = "document"))){
validate50.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "document")) || (key0 === "content_digest"))){
validate50.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("document" !== data.type){
validate50.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate50.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate50.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate50.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document !== undefined){
const _errs6 = errors;
if(!(validate51(data.document, {instancePath:instancePath+"/document",parentData:data,parentDataProperty:"document",rootData}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content_digest !== undefined){
let data3 = data.content_digest;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data3 === "string"){
if(!pattern55.test(data3)){
validate50.errors = [{instancePath:instancePath+"/content_digest",schemaPath:"#/properties/content_digest/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate50.errors = [{instancePath:instancePath+"/content_digest",schemaPath:"#/properties/content_digest/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate50.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate50.errors = vErrors;
return errors === 0;
}

export const validateError = validate53;
const schema142 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/error.json","title":"error","description":"Every failure on the wire (§11).","x-direction":"server","type":"object","required":["type","code","message"],"additionalProperties":false,"properties":{"type":{"const":"error"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"code":{"type":"string","enum":["invalid_json","invalid_message","unknown_message_type","frame_too_large","unauthenticated","auth_failed","already_authenticated","forbidden","document_not_found","document_exists","invalid_patch","invalid_path","path_not_found","test_failed","patch_too_large","document_too_large","nesting_too_deep","conflict","rate_limited","op_id_reused","nothing_to_redo","invalid_sequence","internal_error","server_shutting_down","user_exists","invalid_text"]},"message":{"type":"string"},"details":{"type":"object"}}};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/error.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.code === undefined) && (missing0 = "code"))) || ((data.message === undefined) && (missing0 = "message"))){
validate53.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "code")) || (key0 === "message")) || (key0 === "details"))){
validate53.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("error" !== data.type){
validate53.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "error"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate53.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate53.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.code !== undefined){
let data2 = data.code;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate53.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((((((((((((((((((data2 === "invalid_json") || (data2 === "invalid_message")) || (data2 === "unknown_message_type")) || (data2 === "frame_too_large")) || (data2 === "unauthenticated")) || (data2 === "auth_failed")) || (data2 === "already_authenticated")) || (data2 === "forbidden")) || (data2 === "document_not_found")) || (data2 === "document_exists")) || (data2 === "invalid_patch")) || (data2 === "invalid_path")) || (data2 === "path_not_found")) || (data2 === "test_failed")) || (data2 === "patch_too_large")) || (data2 === "document_too_large")) || (data2 === "nesting_too_deep")) || (data2 === "conflict")) || (data2 === "rate_limited")) || (data2 === "op_id_reused")) || (data2 === "nothing_to_redo")) || (data2 === "invalid_sequence")) || (data2 === "internal_error")) || (data2 === "server_shutting_down")) || (data2 === "user_exists")) || (data2 === "invalid_text"))){
validate53.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/enum",keyword:"enum",params:{allowedValues: schema142.properties.code.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message !== undefined){
const _errs8 = errors;
if(typeof data.message !== "string"){
validate53.errors = [{instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.details !== undefined){
let data4 = data.details;
const _errs10 = errors;
if(!(data4 && typeof data4 == "object" && !Array.isArray(data4))){
validate53.errors = [{instancePath:instancePath+"/details",schemaPath:"#/properties/details/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate53.errors = vErrors;
return errors === 0;
}

export const validateGetChanges = validate54;
const schema144 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/get-changes.json","title":"get_changes","description":"Reads the change log after a sequence (§8.2), or, with before_sequence, newest first (§8.4).","x-direction":"client","type":"object","required":["type","since_sequence"],"additionalProperties":false,"properties":{"type":{"const":"get_changes"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"since_sequence":{"$ref":"../definitions.json#/definitions/sequence"},"before_sequence":{"description":"With it, the page holds the newest events before this sequence, newest first (§8.4). It may lie beyond the latest sequence.","$ref":"../definitions.json#/definitions/sequence"},"limit":{"type":"integer","minimum":1,"maximum":1000},"document_id":{"$ref":"../definitions.json#/definitions/uuid"}}};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/get-changes.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.since_sequence === undefined) && (missing0 = "since_sequence"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "type") || (key0 === "request_id")) || (key0 === "since_sequence")) || (key0 === "before_sequence")) || (key0 === "limit")) || (key0 === "document_id"))){
validate54.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("get_changes" !== data.type){
validate54.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "get_changes"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate54.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate54.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.since_sequence !== undefined){
let data2 = data.since_sequence;
const _errs6 = errors;
const _errs7 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate54.errors = [{instancePath:instancePath+"/since_sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 9007199254740991 || isNaN(data2)){
validate54.errors = [{instancePath:instancePath+"/since_sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate54.errors = [{instancePath:instancePath+"/since_sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.before_sequence !== undefined){
let data3 = data.before_sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate54.errors = [{instancePath:instancePath+"/before_sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate54.errors = [{instancePath:instancePath+"/before_sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate54.errors = [{instancePath:instancePath+"/before_sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data4 = data.limit;
const _errs12 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate54.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1000 || isNaN(data4)){
validate54.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000"}];
return false;
}
else {
if(data4 < 1 || isNaN(data4)){
validate54.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data5 = data.document_id;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data5 === "string"){
if(!pattern0.test(data5)){
validate54.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate54.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}

export const validateGetDocumentAt = validate55;
const schema149 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/get-document-at.json","title":"get_document_at","description":"Reads a document as it was at a sequence (§7).","x-direction":"client","type":"object","required":["type","document_id","sequence"],"additionalProperties":false,"properties":{"type":{"const":"get_document_at"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"sequence":{"$ref":"../definitions.json#/definitions/sequence"}}};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/get-document-at.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.sequence === undefined) && (missing0 = "sequence"))){
validate55.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id")) || (key0 === "sequence"))){
validate55.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("get_document_at" !== data.type){
validate55.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "get_document_at"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate55.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate55.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate55.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate55.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sequence !== undefined){
let data3 = data.sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate55.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate55.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate55.errors = [{instancePath:instancePath+"/sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}

export const validateGetDocument = validate56;
const schema153 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/get-document.json","title":"get_document","description":"Reads one document (§2).","x-direction":"client","type":"object","required":["type","document_id"],"additionalProperties":false,"properties":{"type":{"const":"get_document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"digest":{"description":"Ask for the reply's content_digest (§6.6); without it the reply has none, as for clients written before it.","type":"boolean"}}};

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/get-document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))){
validate56.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id")) || (key0 === "digest"))){
validate56.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("get_document" !== data.type){
validate56.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "get_document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate56.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate56.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate56.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate56.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate56.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.digest !== undefined){
const _errs9 = errors;
if(typeof data.digest !== "boolean"){
validate56.errors = [{instancePath:instancePath+"/digest",schemaPath:"#/properties/digest/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate56.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate56.errors = vErrors;
return errors === 0;
}

export const validateListAccess = validate57;
const schema156 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/list-access.json","title":"list_access","description":"Asks who has access to a document (§9.5).","x-direction":"client","type":"object","required":["type","document_id"],"additionalProperties":false,"properties":{"type":{"const":"list_access"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"}}};

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/list-access.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))){
validate57.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "request_id")) || (key0 === "document_id"))){
validate57.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("list_access" !== data.type){
validate57.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "list_access"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate57.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate57.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate57.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data2 = data.document_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate57.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate57.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate57.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate57.errors = vErrors;
return errors === 0;
}

export const validateListDocuments = validate58;
const schema159 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/list-documents.json","title":"list_documents","description":"Lists the documents the user may read (§2).","x-direction":"client","type":"object","required":["type"],"additionalProperties":false,"properties":{"type":{"const":"list_documents"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"}}};

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/list-documents.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
validate58.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "type") || (key0 === "request_id"))){
validate58.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("list_documents" !== data.type){
validate58.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "list_documents"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate58.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate58.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate58.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate58.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate58.errors = vErrors;
return errors === 0;
}

export const validateRedoApplied = validate59;
const schema161 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/redo-applied.json","title":"redo_applied","description":"Reply to redo: the appended events (§7).","x-direction":"server","type":"object","required":["type","changes"],"additionalProperties":false,"properties":{"type":{"const":"redo_applied"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"changes":{"type":"array","items":{"$ref":"../definitions.json#/definitions/change_event"}}}};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.sequence === undefined) && (missing0 = "sequence")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.event_type === undefined) && (missing0 = "event_type"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.forward_patch === undefined) && (missing0 = "forward_patch"))) || ((data.reverse_patch === undefined) && (missing0 = "reverse_patch"))) || ((data.created_at === undefined) && (missing0 = "created_at"))){
validate60.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func12.call(schema26.properties, key0))){
validate60.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sequence !== undefined){
let data0 = data.sequence;
const _errs2 = errors;
const _errs3 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate60.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 9007199254740991 || isNaN(data0)){
validate60.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate60.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data1 = data.document_id;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate60.errors = [{instancePath:instancePath+"/document_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/document_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data2 = data.user_id;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate60.errors = [{instancePath:instancePath+"/user_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/user_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.event_type !== undefined){
let data3 = data.event_type;
const _errs11 = errors;
if(typeof data3 !== "string"){
validate60.errors = [{instancePath:instancePath+"/event_type",schemaPath:"#/properties/event_type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data3 === "create") || (data3 === "update")) || (data3 === "delete")) || (data3 === "rename"))){
validate60.errors = [{instancePath:instancePath+"/event_type",schemaPath:"#/properties/event_type/enum",keyword:"enum",params:{allowedValues: schema26.properties.event_type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data4 = data.revision_id;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data4 === "string"){
if(func2(data4) > 145){
validate60.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data4)){
validate60.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate60.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forward_patch !== undefined){
let data5 = data.forward_patch;
const _errs16 = errors;
const _errs17 = errors;
let valid5 = false;
let passing0 = null;
const _errs18 = errors;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err0 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs18 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs20 = errors;
if(!(Array.isArray(data5))){
const err1 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs20 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
const _errs22 = errors;
if(data5 !== null){
const err2 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs22 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid5 = true;
passing0 = 2;
}
}
}
if(!valid5){
const err3 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate60.errors = vErrors;
return false;
}
else {
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reverse_patch !== undefined){
let data6 = data.reverse_patch;
const _errs24 = errors;
const _errs25 = errors;
let valid6 = false;
let passing1 = null;
const _errs26 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs26 === errors;
if(_valid1){
valid6 = true;
passing1 = 0;
}
const _errs28 = errors;
if(!(Array.isArray(data6))){
const err5 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs28 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid6 = true;
passing1 = 1;
}
const _errs30 = errors;
if(data6 !== null){
const err6 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs30 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid6 = true;
passing1 = 2;
}
}
}
if(!valid6){
const err7 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate60.errors = vErrors;
return false;
}
else {
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs32 = errors;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate60.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data8 = data.client_op_id;
const _errs35 = errors;
const _errs36 = errors;
let valid8 = false;
let passing2 = null;
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data8 === "string"){
if(func2(data8) > 128){
const err8 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(func2(data8) < 1){
const err9 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid2 = _errs37 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
}
const _errs40 = errors;
if(data8 !== null){
const err11 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/properties/client_op_id/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid2 = _errs40 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid8 = true;
passing2 = 1;
}
}
if(!valid8){
const err12 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/properties/client_op_id/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
validate60.errors = vErrors;
return false;
}
else {
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data9 = data.vector_clock;
const _errs42 = errors;
const _errs43 = errors;
let valid10 = false;
let passing3 = null;
const _errs44 = errors;
const _errs45 = errors;
if(errors === _errs45){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key1 in data9){
const _errs47 = errors;
const _errs48 = errors;
const _errs49 = errors;
if("__proto__" !== key1){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var valid13 = _errs49 === errors;
if(valid13){
const err14 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
if(errors === _errs47){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err15 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(func2(key1) < 1){
const err16 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var valid12 = _errs47 === errors;
if(!valid12){
const err17 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
break;
}
}
if(valid12){
for(const key2 in data9){
let data10 = data9[key2];
const _errs51 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err18 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors === _errs51){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 9007199254740991 || isNaN(data10)){
const err19 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
if(data10 < 0 || isNaN(data10)){
const err20 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
}
var valid14 = _errs51 === errors;
if(!valid14){
break;
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid3 = _errs44 === errors;
if(_valid3){
valid10 = true;
passing3 = 0;
}
const _errs53 = errors;
if(data9 !== null){
const err22 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/properties/vector_clock/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid3 = _errs53 === errors;
if(_valid3 && valid10){
valid10 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid10 = true;
passing3 = 1;
}
}
if(!valid10){
const err23 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/properties/vector_clock/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
validate60.errors = vErrors;
return false;
}
else {
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs42 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data11 = data.cause;
const _errs55 = errors;
const _errs56 = errors;
let valid15 = false;
let passing4 = null;
const _errs57 = errors;
if(typeof data11 !== "string"){
const err24 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(!((data11 === "undo") || (data11 === "redo"))){
const err25 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema26.properties.cause.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid4 = _errs57 === errors;
if(_valid4){
valid15 = true;
passing4 = 0;
}
const _errs59 = errors;
if(data11 !== null){
const err26 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid4 = _errs59 === errors;
if(_valid4 && valid15){
valid15 = false;
passing4 = [passing4, 1];
}
else {
if(_valid4){
valid15 = true;
passing4 = 1;
}
}
if(!valid15){
const err27 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
validate60.errors = vErrors;
return false;
}
else {
errors = _errs56;
if(vErrors !== null){
if(_errs56){
vErrors.length = _errs56;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs55 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate60.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate60.errors = vErrors;
return errors === 0;
}


function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/redo-applied.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.changes === undefined) && (missing0 = "changes"))){
validate59.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "request_id")) || (key0 === "changes"))){
validate59.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("redo_applied" !== data.type){
validate59.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "redo_applied"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate59.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate59.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate59.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.changes !== undefined){
let data2 = data.changes;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs8 = errors;
if(!(validate60(data2[i0], {instancePath:instancePath+"/changes/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
else {
validate59.errors = [{instancePath:instancePath+"/changes",schemaPath:"#/properties/changes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate59.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate59.errors = vErrors;
return errors === 0;
}

export const validateRedo = validate62;
const schema171 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/redo.json","title":"redo","description":"Re-applies the most recent undo (§7).","x-direction":"client","type":"object","required":["type"],"additionalProperties":false,"properties":{"type":{"const":"redo"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"}}};

function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/redo.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
validate62.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "document_id"))){
validate62.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("redo" !== data.type){
validate62.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "redo"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate62.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate62.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate62.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate62.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data3 = data.document_id;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
validate62.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate62.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate62.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate62.errors = vErrors;
return errors === 0;
}

export const validateRenameDocument = validate63;
const schema175 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/rename-document.json","title":"rename_document","description":"Changes a document's title, recorded as a rename event (§2).","x-direction":"client","type":"object","required":["type","document_id","title"],"additionalProperties":false,"properties":{"type":{"const":"rename_document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"title":{"$ref":"../definitions.json#/definitions/title"}}};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/rename-document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.title === undefined) && (missing0 = "title"))){
validate63.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "document_id")) || (key0 === "title"))){
validate63.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("rename_document" !== data.type){
validate63.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "rename_document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate63.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate63.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate63.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate63.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data3 = data.document_id;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
validate63.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate63.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data4 = data.title;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(func2(data4) > 1024){
validate63.errors = [{instancePath:instancePath+"/title",schemaPath:"../definitions.json#/definitions/title/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate63.errors = [{instancePath:instancePath+"/title",schemaPath:"../definitions.json#/definitions/title/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate63.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate63.errors = vErrors;
return errors === 0;
}

export const validateShareDocument = validate64;
const schema180 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/share-document.json","title":"share_document","description":"Grants or revokes another user's access (§9).","x-direction":"client","type":"object","required":["type","document_id","user_id","role"],"additionalProperties":false,"properties":{"type":{"const":"share_document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"user_id":{"$ref":"../definitions.json#/definitions/uuid"},"role":{"$ref":"../definitions.json#/definitions/role"}}};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/share-document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.user_id === undefined) && (missing0 = "user_id"))) || ((data.role === undefined) && (missing0 = "role"))){
validate64.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "document_id")) || (key0 === "user_id")) || (key0 === "role"))){
validate64.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("share_document" !== data.type){
validate64.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "share_document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate64.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate64.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate64.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate64.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate64.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate64.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data3 = data.document_id;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
validate64.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate64.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data4 = data.user_id;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
validate64.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate64.errors = [{instancePath:instancePath+"/user_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.role !== undefined){
let data5 = data.role;
const _errs15 = errors;
if(typeof data5 !== "string"){
validate64.errors = [{instancePath:instancePath+"/role",schemaPath:"../definitions.json#/definitions/role/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data5 === "read") || (data5 === "write")) || (data5 === "none"))){
validate64.errors = [{instancePath:instancePath+"/role",schemaPath:"../definitions.json#/definitions/role/enum",keyword:"enum",params:{allowedValues: schema105.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate64.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate64.errors = vErrors;
return errors === 0;
}

export const validateUndoApplied = validate65;
const schema186 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/undo-applied.json","title":"undo_applied","description":"Reply to undo_to_sequence: the appended events (§7).","x-direction":"server","type":"object","required":["type","target_sequence","changes"],"additionalProperties":false,"properties":{"type":{"const":"undo_applied"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"target_sequence":{"$ref":"../definitions.json#/definitions/sequence"},"changes":{"type":"array","items":{"$ref":"../definitions.json#/definitions/change_event"}}}};

function validate66(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.sequence === undefined) && (missing0 = "sequence")) || ((data.document_id === undefined) && (missing0 = "document_id"))) || ((data.event_type === undefined) && (missing0 = "event_type"))) || ((data.revision_id === undefined) && (missing0 = "revision_id"))) || ((data.forward_patch === undefined) && (missing0 = "forward_patch"))) || ((data.reverse_patch === undefined) && (missing0 = "reverse_patch"))) || ((data.created_at === undefined) && (missing0 = "created_at"))){
validate66.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func12.call(schema26.properties, key0))){
validate66.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sequence !== undefined){
let data0 = data.sequence;
const _errs2 = errors;
const _errs3 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate66.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 9007199254740991 || isNaN(data0)){
validate66.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate66.errors = [{instancePath:instancePath+"/sequence",schemaPath:"#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data1 = data.document_id;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate66.errors = [{instancePath:instancePath+"/document_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate66.errors = [{instancePath:instancePath+"/document_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user_id !== undefined){
let data2 = data.user_id;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate66.errors = [{instancePath:instancePath+"/user_id",schemaPath:"#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate66.errors = [{instancePath:instancePath+"/user_id",schemaPath:"#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.event_type !== undefined){
let data3 = data.event_type;
const _errs11 = errors;
if(typeof data3 !== "string"){
validate66.errors = [{instancePath:instancePath+"/event_type",schemaPath:"#/properties/event_type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data3 === "create") || (data3 === "update")) || (data3 === "delete")) || (data3 === "rename"))){
validate66.errors = [{instancePath:instancePath+"/event_type",schemaPath:"#/properties/event_type/enum",keyword:"enum",params:{allowedValues: schema26.properties.event_type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision_id !== undefined){
let data4 = data.revision_id;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data4 === "string"){
if(func2(data4) > 145){
validate66.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data4)){
validate66.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate66.errors = [{instancePath:instancePath+"/revision_id",schemaPath:"#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forward_patch !== undefined){
let data5 = data.forward_patch;
const _errs16 = errors;
const _errs17 = errors;
let valid5 = false;
let passing0 = null;
const _errs18 = errors;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err0 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs18 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs20 = errors;
if(!(Array.isArray(data5))){
const err1 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs20 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
const _errs22 = errors;
if(data5 !== null){
const err2 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs22 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid5 = true;
passing0 = 2;
}
}
}
if(!valid5){
const err3 = {instancePath:instancePath+"/forward_patch",schemaPath:"#/properties/forward_patch/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate66.errors = vErrors;
return false;
}
else {
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reverse_patch !== undefined){
let data6 = data.reverse_patch;
const _errs24 = errors;
const _errs25 = errors;
let valid6 = false;
let passing1 = null;
const _errs26 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs26 === errors;
if(_valid1){
valid6 = true;
passing1 = 0;
}
const _errs28 = errors;
if(!(Array.isArray(data6))){
const err5 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs28 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid6 = true;
passing1 = 1;
}
const _errs30 = errors;
if(data6 !== null){
const err6 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs30 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid6 = true;
passing1 = 2;
}
}
}
if(!valid6){
const err7 = {instancePath:instancePath+"/reverse_patch",schemaPath:"#/properties/reverse_patch/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate66.errors = vErrors;
return false;
}
else {
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data7 = data.created_at;
const _errs32 = errors;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data7 === "string"){
if(!pattern8.test(data7)){
validate66.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"+"\""}];
return false;
}
}
else {
validate66.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data8 = data.client_op_id;
const _errs35 = errors;
const _errs36 = errors;
let valid8 = false;
let passing2 = null;
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data8 === "string"){
if(func2(data8) > 128){
const err8 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(func2(data8) < 1){
const err9 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid2 = _errs37 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
}
const _errs40 = errors;
if(data8 !== null){
const err11 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/properties/client_op_id/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid2 = _errs40 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid8 = true;
passing2 = 1;
}
}
if(!valid8){
const err12 = {instancePath:instancePath+"/client_op_id",schemaPath:"#/properties/client_op_id/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
validate66.errors = vErrors;
return false;
}
else {
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vector_clock !== undefined){
let data9 = data.vector_clock;
const _errs42 = errors;
const _errs43 = errors;
let valid10 = false;
let passing3 = null;
const _errs44 = errors;
const _errs45 = errors;
if(errors === _errs45){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key1 in data9){
const _errs47 = errors;
const _errs48 = errors;
const _errs49 = errors;
if("__proto__" !== key1){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var valid13 = _errs49 === errors;
if(valid13){
const err14 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
if(errors === _errs47){
if(typeof key1 === "string"){
if(func2(key1) > 128){
const err15 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(func2(key1) < 1){
const err16 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var valid12 = _errs47 === errors;
if(!valid12){
const err17 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
break;
}
}
if(valid12){
for(const key2 in data9){
let data10 = data9[key2];
const _errs51 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err18 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors === _errs51){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 9007199254740991 || isNaN(data10)){
const err19 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
if(data10 < 0 || isNaN(data10)){
const err20 = {instancePath:instancePath+"/vector_clock/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
}
var valid14 = _errs51 === errors;
if(!valid14){
break;
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid3 = _errs44 === errors;
if(_valid3){
valid10 = true;
passing3 = 0;
}
const _errs53 = errors;
if(data9 !== null){
const err22 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/properties/vector_clock/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid3 = _errs53 === errors;
if(_valid3 && valid10){
valid10 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid10 = true;
passing3 = 1;
}
}
if(!valid10){
const err23 = {instancePath:instancePath+"/vector_clock",schemaPath:"#/properties/vector_clock/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
validate66.errors = vErrors;
return false;
}
else {
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs42 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cause !== undefined){
let data11 = data.cause;
const _errs55 = errors;
const _errs56 = errors;
let valid15 = false;
let passing4 = null;
const _errs57 = errors;
if(typeof data11 !== "string"){
const err24 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(!((data11 === "undo") || (data11 === "redo"))){
const err25 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema26.properties.cause.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid4 = _errs57 === errors;
if(_valid4){
valid15 = true;
passing4 = 0;
}
const _errs59 = errors;
if(data11 !== null){
const err26 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid4 = _errs59 === errors;
if(_valid4 && valid15){
valid15 = false;
passing4 = [passing4, 1];
}
else {
if(_valid4){
valid15 = true;
passing4 = 1;
}
}
if(!valid15){
const err27 = {instancePath:instancePath+"/cause",schemaPath:"#/properties/cause/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
validate66.errors = vErrors;
return false;
}
else {
errors = _errs56;
if(vErrors !== null){
if(_errs56){
vErrors.length = _errs56;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs55 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate66.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate66.errors = vErrors;
return errors === 0;
}


function validate65(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/undo-applied.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.target_sequence === undefined) && (missing0 = "target_sequence"))) || ((data.changes === undefined) && (missing0 = "changes"))){
validate65.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "target_sequence")) || (key0 === "changes"))){
validate65.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("undo_applied" !== data.type){
validate65.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "undo_applied"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate65.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate65.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate65.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.target_sequence !== undefined){
let data2 = data.target_sequence;
const _errs6 = errors;
const _errs7 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate65.errors = [{instancePath:instancePath+"/target_sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 9007199254740991 || isNaN(data2)){
validate65.errors = [{instancePath:instancePath+"/target_sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate65.errors = [{instancePath:instancePath+"/target_sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.changes !== undefined){
let data3 = data.changes;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data3)){
var valid3 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(!(validate66(data3[i0], {instancePath:instancePath+"/changes/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
errors = vErrors.length;
}
var valid3 = _errs11 === errors;
if(!valid3){
break;
}
}
}
else {
validate65.errors = [{instancePath:instancePath+"/changes",schemaPath:"#/properties/changes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate65.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate65.errors = vErrors;
return errors === 0;
}

export const validateUndoToSequence = validate68;
const schema197 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/undo-to-sequence.json","title":"undo_to_sequence","description":"Restores documents to their state at a sequence by appending events (§7).","x-direction":"client","type":"object","required":["type","target_sequence"],"additionalProperties":false,"properties":{"type":{"const":"undo_to_sequence"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"target_sequence":{"$ref":"../definitions.json#/definitions/sequence"},"document_id":{"$ref":"../definitions.json#/definitions/uuid"}}};

function validate68(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/undo-to-sequence.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.target_sequence === undefined) && (missing0 = "target_sequence"))){
validate68.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "target_sequence")) || (key0 === "document_id"))){
validate68.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("undo_to_sequence" !== data.type){
validate68.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "undo_to_sequence"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate68.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate68.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate68.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate68.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate68.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate68.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.target_sequence !== undefined){
let data3 = data.target_sequence;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate68.errors = [{instancePath:instancePath+"/target_sequence",schemaPath:"../definitions.json#/definitions/sequence/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9007199254740991 || isNaN(data3)){
validate68.errors = [{instancePath:instancePath+"/target_sequence",schemaPath:"../definitions.json#/definitions/sequence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate68.errors = [{instancePath:instancePath+"/target_sequence",schemaPath:"../definitions.json#/definitions/sequence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.document_id !== undefined){
let data4 = data.document_id;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
validate68.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate68.errors = [{instancePath:instancePath+"/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate68.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate68.errors = vErrors;
return errors === 0;
}

export const validateUpdateDocument = validate69;
const schema202 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://patchsync.dev/spec/messages/update-document.json","title":"update_document","description":"Applies an RFC 6902 patch to a document's content (§2, §5).","x-direction":"client","type":"object","required":["type","patch"],"additionalProperties":false,"properties":{"type":{"const":"update_document"},"request_id":{"$ref":"../definitions.json#/definitions/request_id"},"client_op_id":{"$ref":"../definitions.json#/definitions/client_op_id"},"patch":{"type":"object","required":["document_id","patch"],"additionalProperties":false,"properties":{"document_id":{"$ref":"../definitions.json#/definitions/uuid"},"patch":{"$ref":"../definitions.json#/definitions/patch"},"base_revision":{"$ref":"../definitions.json#/definitions/revision_id"},"vector_clock":{"$ref":"../definitions.json#/definitions/vector_clock"}}}}};

function validate70(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
const _errs1 = errors;
if(!(validate35(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate70.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
validate70.errors = vErrors;
return errors === 0;
}


function validate69(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://patchsync.dev/spec/messages/update-document.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.patch === undefined) && (missing0 = "patch"))){
validate69.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "request_id")) || (key0 === "client_op_id")) || (key0 === "patch"))){
validate69.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("update_document" !== data.type){
validate69.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "update_document"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.request_id !== undefined){
let data1 = data.request_id;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 128){
validate69.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate69.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate69.errors = [{instancePath:instancePath+"/request_id",schemaPath:"../definitions.json#/definitions/request_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_op_id !== undefined){
let data2 = data.client_op_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func2(data2) > 128){
validate69.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate69.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate69.errors = [{instancePath:instancePath+"/client_op_id",schemaPath:"../definitions.json#/definitions/client_op_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patch !== undefined){
let data3 = data.patch;
const _errs9 = errors;
if(errors === _errs9){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((data3.document_id === undefined) && (missing1 = "document_id")) || ((data3.patch === undefined) && (missing1 = "patch"))){
validate69.errors = [{instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs11 = errors;
for(const key1 in data3){
if(!((((key1 === "document_id") || (key1 === "patch")) || (key1 === "base_revision")) || (key1 === "vector_clock"))){
validate69.errors = [{instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs11 === errors){
if(data3.document_id !== undefined){
let data4 = data3.document_id;
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
validate69.errors = [{instancePath:instancePath+"/patch/document_id",schemaPath:"../definitions.json#/definitions/uuid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\""}];
return false;
}
}
else {
validate69.errors = [{instancePath:instancePath+"/patch/document_id",schemaPath:"../definitions.json#/definitions/uuid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs12 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.patch !== undefined){
const _errs15 = errors;
if(!(validate70(data3.patch, {instancePath:instancePath+"/patch/patch",parentData:data3,parentDataProperty:"patch",rootData}))){
vErrors = vErrors === null ? validate70.errors : vErrors.concat(validate70.errors);
errors = vErrors.length;
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.base_revision !== undefined){
let data6 = data3.base_revision;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data6 === "string"){
if(func2(data6) > 145){
validate69.errors = [{instancePath:instancePath+"/patch/base_revision",schemaPath:"../definitions.json#/definitions/revision_id/maxLength",keyword:"maxLength",params:{limit: 145},message:"must NOT have more than 145 characters"}];
return false;
}
else {
if(!pattern7.test(data6)){
validate69.errors = [{instancePath:instancePath+"/patch/base_revision",schemaPath:"../definitions.json#/definitions/revision_id/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]*-[0-9a-f]+$"},message:"must match pattern \""+"^[1-9][0-9]*-[0-9a-f]+$"+"\""}];
return false;
}
}
}
else {
validate69.errors = [{instancePath:instancePath+"/patch/base_revision",schemaPath:"../definitions.json#/definitions/revision_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.vector_clock !== undefined){
let data7 = data3.vector_clock;
const _errs19 = errors;
const _errs20 = errors;
if(errors === _errs20){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
const _errs22 = errors;
const _errs23 = errors;
const _errs24 = errors;
if("__proto__" !== key2){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid8 = _errs24 === errors;
if(valid8){
const err1 = {instancePath:instancePath+"/patch/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",propertyName:key2};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
if(errors === _errs22){
if(typeof key2 === "string"){
if(func2(key2) > 128){
const err2 = {instancePath:instancePath+"/patch/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",propertyName:key2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(func2(key2) < 1){
const err3 = {instancePath:instancePath+"/patch/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
var valid7 = _errs22 === errors;
if(!valid7){
const err4 = {instancePath:instancePath+"/patch/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate69.errors = vErrors;
return false;
break;
}
}
if(valid7){
for(const key3 in data7){
let data8 = data7[key3];
const _errs26 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate69.errors = [{instancePath:instancePath+"/patch/vector_clock/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"../definitions.json#/definitions/vector_clock/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs26){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 9007199254740991 || isNaN(data8)){
validate69.errors = [{instancePath:instancePath+"/patch/vector_clock/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"../definitions.json#/definitions/vector_clock/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data8 < 0 || isNaN(data8)){
validate69.errors = [{instancePath:instancePath+"/patch/vector_clock/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"../definitions.json#/definitions/vector_clock/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid9 = _errs26 === errors;
if(!valid9){
break;
}
}
}
}
else {
validate69.errors = [{instancePath:instancePath+"/patch/vector_clock",schemaPath:"../definitions.json#/definitions/vector_clock/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate69.errors = [{instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate69.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate69.errors = vErrors;
return errors === 0;
}


/** Validators of client-to-server messages, by `type`. */
export const clientValidators = {
  authenticate: validateAuthenticate,
  create_document: validateCreateDocument,
  delete_document: validateDeleteDocument,
  get_changes: validateGetChanges,
  get_document_at: validateGetDocumentAt,
  get_document: validateGetDocument,
  list_access: validateListAccess,
  list_documents: validateListDocuments,
  redo: validateRedo,
  rename_document: validateRenameDocument,
  share_document: validateShareDocument,
  undo_to_sequence: validateUndoToSequence,
  update_document: validateUpdateDocument,
};
/** Validators of server-to-client messages, by `type`. */
export const serverValidators = {
  access_list: validateAccessList,
  auth_success: validateAuthSuccess,
  changes_since: validateChangesSince,
  document_at: validateDocumentAt,
  document_created: validateDocumentCreated,
  document_deleted: validateDocumentDeleted,
  document_list: validateDocumentList,
  document_renamed: validateDocumentRenamed,
  document_shared: validateDocumentShared,
  document_updated: validateDocumentUpdated,
  document: validateDocument,
  error: validateError,
  redo_applied: validateRedoApplied,
  undo_applied: validateUndoApplied,
};
