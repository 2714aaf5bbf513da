export const MODEL_FILE = "models/checkworthiness.json";
