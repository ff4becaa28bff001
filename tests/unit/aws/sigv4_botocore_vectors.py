#!/usr/bin/env python3
"""Prints SigV4 vectors computed by botocore's signers, for sigv4_own_vectors_test.cpp.

Run: python3 tests/unit/aws/sigv4_botocore_vectors.py (botocore 1.43.11 produced the pasted values).
"""
import datetime
from unittest import mock

from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5)
KEYS = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
TEMP = Credentials("ASIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLE/token+1==")

CASES = [
    # name, signer class, credentials, service, method, url, headers, body
    ("rds-query-post", SigV4Auth, KEYS, "rds", "POST", "https://rds.us-east-1.amazonaws.com/",
     {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     b"Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=db%201"),
    ("sts-query-session-token", SigV4Auth, TEMP, "sts", "POST", "https://sts.us-east-1.amazonaws.com/",
     {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     b"Action=GetCallerIdentity&Version=2011-06-15"),
    ("logs-json", SigV4Auth, KEYS, "logs", "POST", "https://logs.eu-west-1.amazonaws.com/",
     {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"},
     b'{"logGroupNamePrefix":"/metrics"}'),
    ("eks-rest-get-query", SigV4Auth, KEYS, "eks", "GET",
     "https://eks.us-west-2.amazonaws.com/clusters/my-cluster/node-groups?maxResults=10&nextToken=a%2Fb%3D",
     {}, b""),
    ("s3-get-object-utf8", S3SigV4Auth, KEYS, "s3", "GET",
     "https://s3.us-east-1.amazonaws.com/my-bucket/dir/k%C3%A9y%20name.txt?versionId=v%2B1",
     {}, b""),
    ("s3-put-lifecycle", S3SigV4Auth, TEMP, "s3", "PUT",
     "http://127.0.0.1:5000/my-bucket?lifecycle=",
     {"Content-MD5": "1B2M2Y8AsgTpgAmY7PhCfg==", "Content-Type": "application/xml"},
     b"<LifecycleConfiguration/>"),
]

PRESIGN = [
    ("sts-presign", SigV4QueryAuth, TEMP, "sts", "GET",
     "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", 900),
    ("s3-presign-get", S3SigV4QueryAuth, TEMP, "s3", "GET",
     "https://s3.us-east-1.amazonaws.com/my-bucket/reports/2026%2001.csv", 3600),
]


def recording(cls):
    """The signer class, recording the canonical request and string to sign it computes."""

    class Recording(cls):
        def string_to_sign(self, request, canonical_request):
            self.recorded_canonical = canonical_request
            self.recorded_sts = super().string_to_sign(request, canonical_request)
            return self.recorded_sts

    return Recording


def main():
    with mock.patch("botocore.auth.get_current_datetime", return_value=NOW):
        for name, cls, creds, service, method, url, headers, body in CASES:
            req = AWSRequest(method=method, url=url, headers=headers, data=body)
            region = {"logs": "eu-west-1", "eks": "us-west-2"}.get(service, "us-east-1")
            signer = recording(cls)(creds, service, region)
            signer.add_auth(req)
            print(f"== {name}\n-- canonical\n{signer.recorded_canonical}\n-- string to sign\n"
                  f"{signer.recorded_sts}\n-- authorization\n{req.headers['Authorization']}\n")
        for name, cls, creds, service, method, url, expires in PRESIGN:
            req = AWSRequest(method=method, url=url)
            signer = recording(cls)(creds, service, "us-east-1", expires=expires)
            signer.add_auth(req)
            print(f"== {name}\n-- canonical\n{signer.recorded_canonical}\n-- url\n{req.url}\n")


if __name__ == "__main__":
    main()
