-- Failed console sign-ins per email (lower case), shared by every instance: after five, that email
-- may not sign in for fifteen minutes. A successful sign-in clears its row.
CREATE TABLE signin_failure (
    email         VARCHAR(320)              NOT NULL PRIMARY KEY,
    failures      INTEGER                   NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
