-- Failed sign-ins per email and per Ziik they were tried at: a success at one Ziik clears only the
-- failures made there, so a sign-in that succeeds at a Ziik of the guesser's own (which accepts any
-- password) no longer resets the count of guesses made at the victim's. The lock still holds for
-- the email at every Ziik (SignInThrottle). Failures are transient: the old rows are dropped.
DROP TABLE signin_failure;
CREATE TABLE signin_failure (
    email         VARCHAR(320)              NOT NULL,
    tenant        VARCHAR(2048)             NOT NULL,
    failures      INTEGER                   NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (email, tenant)
);
